// The coverage matrix as a value: cells, counts, and row updates that agree with a fresh compute.
#include "annotationstore.h"
#include "annotator.h"
#include "coverage.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
ArticleDraft draft(const QString &outlet, const QString &body)
{
    ArticleDraft d;
    d.headline = outlet + u" headline"_s;
    d.body = body;
    d.outlet = outlet;
    d.sourceName = outlet + u".txt"_s;
    d.format = u"text"_s;
    d.encoding = u"UTF-8"_s;
    d.original = (outlet + u"\n\n"_s + body).toUtf8();
    return d;
}

// Two matrices say the same: same claims, same cells, same counts.
void compareCoverage(const Coverage &actual, const Coverage &expected)
{
    QCOMPARE(actual.claimCount(), expected.claimCount());
    QCOMPARE(actual.articleCount(), expected.articleCount());
    for (int i = 0; i < expected.claimCount(); ++i) {
        QCOMPARE(actual.claim(i), expected.claim(i));
        QCOMPARE(actual.reportCount(i), expected.reportCount(i));
        QCOMPARE(actual.outletCount(i), expected.outletCount(i));
        for (int j = 0; j < expected.articleCount(); ++j)
            QCOMPARE(actual.cell(i, j), expected.cell(i, j));
    }
}
} // namespace

class CoverageTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<Annotator> m_annotator;
    QList<qint64> m_articles;
    int m_run = 0;

    AnnotationStore &store() { return *m_annotator->store(); }
    Coverage fresh() { return Coverage::compute(store(), m_workspace->articles()); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        QString error;
        m_workspace = Workspace::open(m_dir.filePath(u"coverage-%1.parallax"_s.arg(++m_run)), &error);
        QVERIFY2(m_workspace, qPrintable(error));
        // Two articles from one outlet (spelled differently), one with no outlet, one from another.
        const QList<Workspace::AddResult> added = m_workspace->addArticles(
            {draft(u"Daily"_s, u"Musk says lawsuit time. Lawsuit time, he says."_s),
             draft(u" daily "_s, u"Lawsuit time, says Musk."_s), draft(QString(), u"Musk: lawsuit time."_s),
             draft(u"Weekly"_s, u"Nothing about it."_s)});
        m_articles.clear();
        for (const Workspace::AddResult &r : added) {
            QVERIFY2(r.ok(), qPrintable(r.error));
            m_articles << r.id;
        }
        m_annotator = std::make_unique<Annotator>(m_workspace.get());
    }

    void cleanup()
    {
        m_annotator.reset();
        m_workspace.reset();
    }

    void emptyWorkspace()
    {
        const Coverage c = fresh();
        QCOMPARE(c.claimCount(), 0);
        QCOMPARE(c.articleCount(), 4);
        QCOMPARE(c.articleIndex(m_articles.at(2)), 2);
        QCOMPARE(c.articleIndex(9999), -1);
        QCOMPARE(c.claimIndex(1), -1);
    }

    void cellsAndCounts()
    {
        const Annotator::Link first
            = m_annotator->highlightAndLink(m_articles.at(0), 24, 37, 0, u"Lawsuit"_s, Wording::Verbatim);
        QVERIFY2(first.ok(), qPrintable(m_annotator->lastError()));
        const qint64 claim = first.claimId;
        // Linked out of reading order: the cell still lists them in reading order.
        const Annotator::Link earlier = m_annotator->highlightAndLink(m_articles.at(0), 10, 22, claim);
        QVERIFY(earlier.ok());
        QVERIFY(m_annotator->highlightAndLink(m_articles.at(1), 0, 12, claim, {}, Wording::Hedged).ok());
        QVERIFY(m_annotator->highlightAndLink(m_articles.at(2), 6, 18, claim).ok());
        const qint64 lonely = m_annotator->createClaim(u"Not reported"_s);
        QVERIFY(lonely > 0);

        const Coverage c = fresh();
        QCOMPARE(c.claimCount(), 2);
        QCOMPARE(c.claimIndex(claim), 0);
        QCOMPARE(c.claimIndex(lonely), 1);
        QCOMPARE(c.claim(0).title, u"Lawsuit"_s);
        QCOMPARE(c.cell(0, 0),
                 (Coverage::Cell{{earlier.highlightId, Wording::Stated}, {first.highlightId, Wording::Verbatim}}));
        QCOMPARE(c.cell(0, 1).size(), 1);
        QCOMPARE(c.cell(0, 1).first().wording, Wording::Hedged);
        QCOMPARE(c.cell(0, 2).size(), 1);
        QVERIFY(c.cell(0, 3).isEmpty());
        QCOMPARE(c.reportCount(0), 3);
        // "Daily" and " daily " are one outlet; the article without an outlet counts on its own.
        QCOMPARE(c.outletCount(0), 2);
        QCOMPARE(c.appearanceCount(0), 4);
        for (int j = 0; j < 4; ++j)
            QVERIFY(c.cell(1, j).isEmpty());
        QCOMPARE(c.reportCount(1), 0);
        QCOMPARE(c.outletCount(1), 0);

        // Only the articles asked for are columns.
        const Coverage some = Coverage::compute(store(), {m_workspace->articles().at(1)});
        QCOMPARE(some.articleCount(), 1);
        QCOMPARE(some.reportCount(0), 1);
        QCOMPARE(some.appearanceCount(0), 1);
    }

    void rowUpdatesAgreeWithACompute()
    {
        const qint64 a = m_annotator->createClaim(u"A"_s);
        const qint64 b = m_annotator->createClaim(u"B"_s);
        Coverage c = fresh();

        // A new claim: announced position, then inserted there.
        const qint64 d = m_annotator->createClaim(u"D"_s);
        QCOMPARE(c.claimInsertionIndex(d), 2);
        QCOMPARE(c.insertClaim(store(), d), 2);
        QCOMPARE(c.insertClaim(store(), d), -1); // already there
        compareCoverage(c, fresh());

        // A link changes one row.
        const Annotator::Link link = m_annotator->highlightAndLink(m_articles.at(1), 0, 12, b);
        QVERIFY(link.ok());
        QCOMPARE(c.refreshClaim(store(), b), 1);
        compareCoverage(c, fresh());
        QVERIFY(m_annotator->setWording(link.highlightId, b, Wording::Paraphrase));
        QCOMPARE(c.refreshClaim(store(), b), 1);
        QCOMPARE(c.cell(1, 1).first().wording, Wording::Paraphrase);
        compareCoverage(c, fresh());

        // Deleting a claim and undoing it puts it back with its old id, so in its old row.
        QVERIFY(m_annotator->removeClaim(b));
        QCOMPARE(c.removeClaim(b), 1);
        QCOMPARE(c.removeClaim(b), -1);
        compareCoverage(c, fresh());
        m_annotator->undoStack()->undo();
        QCOMPARE(c.claimInsertionIndex(b), 1);
        QCOMPARE(c.insertClaim(store(), b), 1);
        compareCoverage(c, fresh());
        QCOMPARE(c.cell(1, 1).size(), 1);

        QCOMPARE(c.refreshClaim(store(), 9999), -1);
        QCOMPARE(c.insertClaim(store(), 9999), -1);
        QCOMPARE(c.claimIndex(a), 0);
    }
};

QTEST_GUILESS_MAIN(CoverageTest)
#include "tst_coverage.moc"
