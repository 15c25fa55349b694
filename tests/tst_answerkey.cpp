// The sample story annotated from the hand-made answer key (tests/data/claims.tsv), once through
// the API and once through the command line: the coverage matrix must say exactly what the key says.
#include "annotationstore.h"
#include "annotator.h"
#include "coverage.h"
#include "importer.h"
#include "testutil.h"
#include "workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using TestUtil::parallax;
using TestUtil::Run;

namespace {
struct KeyRow {
    QString claim;
    QString file;
    QString passage;
};

// claim -> file -> passages, as the key has it.
using Expected = QMap<QString, QMap<QString, QStringList>>;

QList<KeyRow> readKey()
{
    QFile f(QStringLiteral(PARALLAX_TEST_DATA "/claims.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<KeyRow> rows;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1)) { // the first line names the columns
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() != 3)
            return {};
        rows.append({fields.at(0), fields.at(1), fields.at(2)});
    }
    return rows;
}

Expected expectedFrom(const QList<KeyRow> &key)
{
    Expected e;
    for (const KeyRow &r : key)
        e[r.claim][r.file].append(r.passage);
    for (auto &files : e) {
        for (QStringList &passages : files)
            passages.sort();
    }
    return e;
}

QStringList sampleFiles()
{
    QStringList files;
    const QDir dir(QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample"));
    for (const QString &f : dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name))
        files << dir.filePath(f);
    return files;
}

int codePoints(const QString &text)
{
    return int(text.toUcs4().size());
}

} // namespace

class AnswerKeyTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<KeyRow> m_key;
    Expected m_expected;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_key = readKey();
        QVERIFY2(!m_key.isEmpty(), "tests/data/claims.tsv could not be read as claim, file, passage");
        m_expected = expectedFrom(m_key);
        // The key as documented in its README; a changed key should be a deliberate change here too.
        QCOMPARE(m_expected.size(), 13);
        QCOMPARE(m_key.size(), 42);
        QCOMPARE(sampleFiles().size(), 5);
    }

    void throughTheApi()
    {
        QString error;
        auto ws = Workspace::open(m_dir.filePath(u"api.parallax"_s), &error);
        QVERIFY2(ws, qPrintable(error));
        QList<ArticleDraft> drafts;
        for (const QString &file : sampleFiles()) {
            const Importer::Result r = Importer::importFile(file);
            QVERIFY2(r.ok(), qPrintable(r.error));
            drafts.append(r.draft);
        }
        QHash<QString, qint64> articleOf;
        const QList<Workspace::AddResult> added = ws->addArticles(drafts);
        for (qsizetype i = 0; i < added.size(); ++i) {
            QVERIFY2(added.at(i).ok(), qPrintable(added.at(i).error));
            articleOf.insert(drafts.at(i).sourceName, added.at(i).id);
        }

        Annotator annotator(ws.get());
        AnnotationStore &store = *annotator.store();
        for (const KeyRow &row : std::as_const(m_key)) {
            QVERIFY2(articleOf.contains(row.file), qPrintable(row.file));
            const qint64 article = articleOf.value(row.file);
            const QString body = ws->articleBody(article);
            const int at = int(body.indexOf(row.passage));
            QVERIFY2(at >= 0, qPrintable(u"%1: passage not in %2"_s.arg(row.claim, row.file)));
            QCOMPARE(body.count(row.passage), 1);
            const std::optional<Claim> claim = store.claimByTitle(row.claim);
            const Annotator::Link link = annotator.highlightAndLink(article, at, at + int(row.passage.size()),
                                                                    claim ? claim->id : 0, row.claim);
            QVERIFY2(link.ok(), qPrintable(annotator.lastError()));
        }

        const Coverage coverage = Coverage::compute(store, ws->articles());
        QCOMPARE(coverage.claimCount(), m_expected.size());
        QCOMPARE(coverage.articleCount(), 5);
        int appearances = 0;
        for (int i = 0; i < coverage.claimCount(); ++i) {
            const QString title = coverage.claim(i).title;
            QVERIFY2(m_expected.contains(title), qPrintable(title));
            const QMap<QString, QStringList> &files = m_expected.value(title);
            for (int j = 0; j < coverage.articleCount(); ++j) {
                QStringList passages;
                for (const Coverage::Entry &e : coverage.cell(i, j))
                    passages << store.highlight(e.highlightId)->quote;
                passages.sort();
                QCOMPARE(passages, files.value(coverage.article(j).sourceName));
            }
            QCOMPARE(coverage.reportCount(i), files.size());
            appearances += coverage.appearanceCount(i);
        }
        QCOMPARE(appearances, m_key.size());
    }

    void throughTheCommandLine()
    {
        const QString ws = m_dir.filePath(u"cli.parallax"_s);
        Run r = parallax(QStringList{u"import"_s, u"--workspace"_s, ws} + sampleFiles());
        QCOMPARE(r.exitCode, 0);

        QHash<QString, qint64> articleOf;
        QHash<qint64, QString> bodies;
        {
            QString error;
            auto workspace = Workspace::open(ws, &error);
            QVERIFY2(workspace, qPrintable(error));
            for (const ArticleSummary &a : workspace->articles()) {
                articleOf.insert(a.sourceName, a.id);
                bodies.insert(a.id, workspace->articleBody(a.id));
            }
        }
        for (const KeyRow &row : std::as_const(m_key)) {
            const qint64 article = articleOf.value(row.file);
            r = parallax({u"annotate"_s, u"--workspace"_s, ws, u"--quote"_s, row.passage, u"--claim"_s, row.claim,
                          u"--article"_s, QString::number(article)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        }

        r = parallax({u"claims"_s, u"--workspace"_s, ws, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError parseError;
        const QJsonObject report = QJsonDocument::fromJson(r.outBytes, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));

        QHash<qint64, QString> fileOf;
        for (const QJsonValue &a : report.value(u"articles"_s).toArray())
            fileOf.insert(a[u"id"_s].toInteger(), a[u"source"_s].toString());
        QCOMPARE(fileOf.size(), 5);
        const QJsonArray columns = report[u"coverage"_s][u"articles"_s].toArray();
        QCOMPARE(columns.size(), 5);
        QHash<qint64, QJsonObject> rowOf;
        for (const QJsonValue &row : report[u"coverage"_s][u"rows"_s].toArray())
            rowOf.insert(row[u"claim"_s].toInteger(), row.toObject());

        const QJsonArray claims = report.value(u"claims"_s).toArray();
        QCOMPARE(claims.size(), m_expected.size());
        int total = 0;
        for (const QJsonValue &claim : claims) {
            const QString title = claim[u"title"_s].toString();
            QVERIFY2(m_expected.contains(title), qPrintable(title));
            const QMap<QString, QStringList> &files = m_expected.value(title);

            // Each appearance is the key's passage, at its place in the body counted in code points.
            QMap<QString, QStringList> found;
            for (const QJsonValue &a : claim[u"appearances"_s].toArray()) {
                const qint64 article = a[u"article"_s].toInteger();
                const QString text = a[u"text"_s].toString();
                const QString body = bodies.value(article);
                const int at = int(body.indexOf(text));
                QVERIFY2(at >= 0, qPrintable(text));
                QCOMPARE(a[u"start"_s].toInt(), codePoints(body.left(at)));
                QCOMPARE(a[u"end"_s].toInt(), codePoints(body.left(at + text.size())));
                QCOMPARE(a[u"orphaned"_s].toBool(), false);
                found[fileOf.value(article)].append(text);
                ++total;
            }
            for (QStringList &passages : found)
                passages.sort();
            QCOMPARE(found, files);

            // The coverage row: a non-empty cell exactly for the key's files.
            const QJsonObject row = rowOf.value(claim[u"id"_s].toInteger());
            const QJsonArray cells = row[u"cells"_s].toArray();
            QCOMPARE(cells.size(), columns.size());
            QStringList reporting;
            for (qsizetype j = 0; j < cells.size(); ++j) {
                const qsizetype n = cells.at(j).toArray().size();
                QCOMPARE(n, files.value(fileOf.value(columns.at(j).toInteger())).size());
                if (n > 0)
                    reporting << fileOf.value(columns.at(j).toInteger());
            }
            reporting.sort();
            QCOMPARE(reporting, QStringList(files.keys()));
            QCOMPARE(row[u"reported_by"_s].toInt(), files.size());
        }
        QCOMPARE(total, m_key.size());
    }
};

QTEST_GUILESS_MAIN(AnswerKeyTest)
#include "tst_answerkey.moc"
