// Search results across a workspace: one row per article with matches, one child per match, and
// exact row insertions when articles arrive during a search. Checked by Qt's model tester.
#include "roles.h"
#include "searchresultsmodel.h"
#include "testutil.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class SearchResultsModelTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    int m_counter = 0;

    static ArticleDraft draft(const QString &headline, const QString &outlet, const QString &body)
    {
        ArticleDraft d;
        d.headline = headline;
        d.body = body;
        d.outlet = outlet;
        d.sourceName = headline + QStringLiteral(".txt");
        d.format = QStringLiteral("text");
        d.original = (headline + outlet + body).toUtf8();
        return d;
    }

    qint64 idOf(const QString &headline) const
    {
        for (const ArticleSummary &a : m_ws->articles()) {
            if (a.headline == headline)
                return a.id;
        }
        return 0;
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        m_ws = Workspace::open(m_dir.filePath(QStringLiteral("search-%1.parallax").arg(++m_counter)), &error);
        QVERIFY2(m_ws, qPrintable(error));
        m_ws->addArticles(
            {draft(QStringLiteral("Bridge closes"), QStringLiteral("Coast Courier"),
                   QStringLiteral("The harbour bridge closes on Monday.\nThe mayor\u2019s office said the bridge is "
                                  "unsafe.")),
             draft(QStringLiteral("Ferries double"), QStringLiteral("Bay Daily"),
                   QStringLiteral("Extra ferries start on Monday.")),
             draft(QStringLiteral("Traffic"), QStringLiteral("Pier Post"),
                   QStringLiteral("Traffic will avoid the BRIDGE, the mayor's office said."))});
    }

    void cleanup() { m_ws.reset(); }

    void emptyQueryGivesNoRows()
    {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        QCOMPARE(model.rowCount(), 0);
        model.setQuery(QStringLiteral("   "));
        QCOMPARE(model.rowCount(), 0);
        model.setQuery(QStringLiteral("bridge"));
        QCOMPARE(model.rowCount(), 2);
        model.setQuery(QString());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.matchCount(), 0);
    }

    void articlesAndMatchesAsATree()
    {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setQuery(QStringLiteral("Bridge"));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2); // the ferry article has no match and no row
        QCOMPARE(model.matchCount(), 3);

        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data(Roles::ArticleIdRole).toLongLong(), idOf(QStringLiteral("Bridge closes")));
        QCOMPARE(first.data(Roles::OutletRole).toString(), QStringLiteral("Coast Courier"));
        QCOMPARE(first.data(Roles::MatchCountRole).toInt(), 2);
        QCOMPARE(first.data(Qt::DisplayRole).toString(), QStringLiteral("Coast Courier — Bridge closes (2)"));
        QCOMPARE(model.rowCount(first), 2);
        QCOMPARE(model.index(1, 0).data(Roles::HeadlineRole).toString(), QStringLiteral("Traffic"));
        QCOMPARE(model.rowCount(model.index(1, 0)), 1);

        const QString body = m_ws->articleBody(idOf(QStringLiteral("Bridge closes")));
        const QModelIndex second = model.index(1, 0, first);
        QCOMPARE(second.parent(), first);
        QCOMPARE(second.data(Roles::ArticleIdRole).toLongLong(), idOf(QStringLiteral("Bridge closes")));
        const int start = second.data(Roles::MatchStartRole).toInt();
        QCOMPARE(start, int(body.lastIndexOf(QStringLiteral("bridge"))));
        QCOMPARE(second.data(Roles::MatchEndRole).toInt(), start + 6);

        // The snippet shows the paragraph break as a space and marks where the match is in it.
        const QModelIndex firstMatch = model.index(0, 0, first);
        const QString snippet = firstMatch.data(Qt::DisplayRole).toString();
        QCOMPARE(snippet, QStringLiteral("The harbour bridge closes on Monday. The mayor\u2019s office…"));
        const int s = firstMatch.data(Roles::SnippetMatchStartRole).toInt();
        const int e = firstMatch.data(Roles::SnippetMatchEndRole).toInt();
        QCOMPARE(snippet.mid(s, e - s), QStringLiteral("bridge"));
        QCOMPARE(s, 12);
        QVERIFY(model.flags(firstMatch) & Qt::ItemNeverHasChildren);
    }

    void quotesAndCaseDoNotMatter()
    {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        model.setQuery(QStringLiteral("MAYOR'S office"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.matchCount(), 2);
        const QString body = m_ws->articleBody(idOf(QStringLiteral("Bridge closes")));
        const QModelIndex match = model.index(0, 0, model.index(0, 0));
        QCOMPARE(match.data(Roles::MatchStartRole).toInt(), int(body.indexOf(QStringLiteral("mayor\u2019s office"))));
    }

    void importDuringASearchInsertsRows()
    {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        model.setQuery(QStringLiteral("monday"));
        QCOMPARE(model.rowCount(), 2);
        const QPersistentModelIndex kept = model.index(0, 0, model.index(1, 0));
        QVERIFY(kept.isValid());

        QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        m_ws->addArticles(
            {draft(QStringLiteral("Quiet"), QStringLiteral("Gull Gazette"), QStringLiteral("Nothing here.")),
             draft(QStringLiteral("Closure"), QStringLiteral("Harbour Times"),
                   QStringLiteral("From Monday, and until next Monday, the bridge is shut."))});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(aboutToInsert.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(0).toModelIndex(), QModelIndex());
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.matchCount(), 4);
        const QModelIndex added = model.index(2, 0);
        QCOMPARE(added.data(Roles::HeadlineRole).toString(), QStringLiteral("Closure"));
        QCOMPARE(model.rowCount(added), 2);
        QCOMPARE(model.index(1, 0, added).data(Roles::MatchStartRole).toInt(), 28); // "next Monday"
        // Rows that were there keep their identity.
        QVERIFY(kept.isValid());
        QCOMPARE(kept.parent(), model.index(1, 0));

        // Articles without a match add no rows and say nothing.
        m_ws->addArticles({draft(QStringLiteral("Other"), QStringLiteral("Gull Gazette"), QStringLiteral("Ferries."))});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);
    }

    // Article ids are SQLite rowids, which come back once the newest article is gone: the body
    // kept for the old article must not answer for the new one.
    void reusedIdIsReadAgain()
    {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        model.setQuery(QStringLiteral("traffic"));
        QCOMPARE(model.rowCount(), 1);
        const qint64 last = idOf(QStringLiteral("Traffic"));
        QVERIFY(TestUtil::runSqlScript(
            m_ws->path(), QStringLiteral("DELETE FROM articles WHERE id = (SELECT max(id) FROM articles);\n")));
        const QList<Workspace::AddResult> added = m_ws->addArticles(
            {draft(QStringLiteral("Tolls"), QStringLiteral("Pier Post"), QStringLiteral("Tolls go up in May."))});
        QCOMPARE(added.first().id, last);
        model.setQuery(QStringLiteral("tolls"));
        QCOMPARE(model.rowCount(), 1);
        model.setQuery(QStringLiteral("traffic"));
        QCOMPARE(model.rowCount(), 0);
    }

    void importWithoutAQueryAddsNothing()
    {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        m_ws->addArticles({draft(QStringLiteral("Late"), QStringLiteral("Gull Gazette"), QStringLiteral("Monday."))});
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.rowCount(), 0);
        // The article is searched once a query comes.
        model.setQuery(QStringLiteral("monday"));
        QCOMPARE(model.rowCount(), 3);
    }

    void headlineChangesFollowTheWorkspace()
    {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        model.setQuery(QStringLiteral("bridge"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_ws->setArticleShown(idOf(QStringLiteral("Traffic")), false));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), model.index(1, 0));
        QCOMPARE(reset.count(), 0);
    }

    void switchingWorkspacesResets()
    {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        model.setQuery(QStringLiteral("bridge"));
        QString error;
        auto other = Workspace::open(m_dir.filePath(QStringLiteral("other-%1.parallax").arg(m_counter)), &error);
        QVERIFY(other);
        other->addArticles(
            {draft(QStringLiteral("Elsewhere"), QStringLiteral("Far Post"), QStringLiteral("A bridge far away."))});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setWorkspace(other.get());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1); // the query stays and is run on the new workspace
        QCOMPARE(model.index(0, 0).data(Roles::HeadlineRole).toString(), QStringLiteral("Elsewhere"));
        // The old workspace no longer reaches the model.
        m_ws->addArticles({draft(QStringLiteral("Gone"), QStringLiteral("Old"), QStringLiteral("bridge"))});
        QCOMPARE(model.rowCount(), 1);
        other.reset();
        QCOMPARE(model.workspace(), nullptr);
        model.setWorkspace(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(SearchResultsModelTest)
#include "tst_searchresultsmodel.moc"
