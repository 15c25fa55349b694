// The claims tree opens expanded while the list is short, and collapsed on a large workspace
// (expanding thousands of claims on every reset or sort costs seconds); a claim chosen from
// elsewhere still opens to show the appearance.
#include "annotationstore.h"
#include "annotator.h"
#include "claimsmodel.h"
#include "claimspanel.h"
#include "workspace.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

class ClaimsPanelTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A workspace with one article and `claims` claims, one appearance each; the links go to
    // `links` (highlight id per claim, in creation order).
    std::unique_ptr<Workspace> workspaceWith(int claims, QList<Annotator::Link> *links)
    {
        QString error;
        auto ws = Workspace::open(m_dir.filePath(QStringLiteral("panel-%1.parallax").arg(++m_counter)), &error);
        if (!ws)
            return ws;
        ArticleDraft d;
        d.headline = QStringLiteral("Many claims");
        QStringList words;
        for (int i = 0; i < claims; ++i)
            words << QStringLiteral("word%1").arg(i, 4, 10, QLatin1Char('0'));
        d.body = words.join(QLatin1Char(' '));
        d.original = d.body.toUtf8();
        const qint64 article = ws->addArticles({d}).at(0).id;
        Annotator annotator(ws.get());
        for (int i = 0; i < claims; ++i) {
            const int start = i * 9; // "wordNNNN " is nine characters
            links->append(annotator.highlightAndLink(article, start, start + 8, 0, QStringLiteral("Claim %1").arg(i)));
        }
        return ws;
    }

    int expandedClaims(QTreeView *view)
    {
        int expanded = 0;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            expanded += view->isExpanded(view->model()->index(row, 0)) ? 1 : 0;
        return expanded;
    }

private Q_SLOTS:
    void shortListOpensExpanded()
    {
        QList<Annotator::Link> links;
        auto ws = workspaceWith(12, &links);
        QVERIFY(ws);
        QCOMPARE(links.size(), 12);
        ClaimsModel model;
        AnnotationStore store(ws.get());
        model.setStore(&store);
        ClaimsPanel panel(&model);
        QCOMPARE(panel.view()->model()->rowCount(), 12);
        QCOMPARE(expandedClaims(panel.view()), 12);
    }

    void longListOpensCollapsedAndExpandsWhatIsChosen()
    {
        const int claims = ClaimsPanel::ExpandAllUpTo + 1;
        QList<Annotator::Link> links;
        auto ws = workspaceWith(claims, &links);
        QVERIFY(ws);
        QCOMPARE(links.size(), claims);
        for (const Annotator::Link &l : links)
            QVERIFY(l.ok());
        ClaimsModel model;
        AnnotationStore store(ws.get());
        model.setStore(&store);
        ClaimsPanel panel(&model);
        QTreeView *view = panel.view();
        QCOMPARE(view->model()->rowCount(), claims);
        QCOMPARE(expandedClaims(view), 0);
        // Sorting (a layout change) does not expand them all either.
        view->sortByColumn(ClaimsModel::TitleColumn, Qt::DescendingOrder);
        QCOMPARE(expandedClaims(view), 0);

        // Choosing an appearance from a pane opens its claim, and only that one.
        const Annotator::Link chosen = links.at(claims / 2);
        panel.selectClaim(chosen.claimId, chosen.highlightId);
        QCOMPARE(panel.currentClaim(), chosen.claimId);
        QCOMPARE(expandedClaims(view), 1);
        QVERIFY(view->isExpanded(view->currentIndex().parent()));
    }
};

QTEST_MAIN(ClaimsPanelTest)
#include "tst_claimspanel.moc"
