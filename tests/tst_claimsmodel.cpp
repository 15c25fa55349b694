// The claims model follows the store with exact row changes, through undo and redo too.
#include "annotationstore.h"
#include "annotator.h"
#include "claimsmodel.h"
#include "roles.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class ClaimsModelTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<Annotator> m_annotator;
    qint64 m_a1 = 0, m_a2 = 0;
    int m_counter = 0;
    const QString Body = QStringLiteral("Fares rise by ten percent on Monday, the operator said.");

private Q_SLOTS:
    void init()
    {
        QString error;
        m_ws = Workspace::open(m_dir.filePath(QStringLiteral("claims-%1.parallax").arg(++m_counter)), &error);
        QVERIFY(m_ws);
        ArticleDraft d;
        d.headline = QStringLiteral("Fares rise");
        d.body = Body;
        d.outlet = QStringLiteral("Bay Daily");
        d.original = "1";
        ArticleDraft e = d;
        e.outlet = QStringLiteral("Coast Courier");
        e.original = "2";
        const auto r = m_ws->addArticles({d, e});
        m_a1 = r.at(0).id;
        m_a2 = r.at(1).id;
        m_annotator = std::make_unique<Annotator>(m_ws.get());
    }

    void cleanup()
    {
        m_annotator.reset();
        m_ws.reset();
    }

    // Everything a model shows, row by row, for comparing two models.
    static QStringList dump(const ClaimsModel &model)
    {
        QStringList rows;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex claim = model.index(r, 0);
            rows << claim.data().toString() + u'|' + claim.data(Roles::ReportCountRole).toString();
            for (int a = 0; a < model.rowCount(claim); ++a) {
                const QModelIndex row = model.index(a, 0, claim);
                rows << u"  "_s + row.data().toString() + u'|' + row.data(Roles::HighlightIdRole).toString();
            }
        }
        return rows;
    }

    // A large workspace: the list is read on a worker, and fills when it is read; the rows are
    // those a load at once gives.
    void loadsLargeWorkspacesInTheBackground()
    {
        for (int i = 0; i < 6; ++i) {
            QVERIFY(m_annotator->highlightAndLink(m_a1, i * 5, i * 5 + 4, 0, QStringLiteral("Claim %1").arg(i)).ok());
            QVERIFY(
                m_annotator->highlightAndLink(m_a2, 40 - i * 5, 44 - i * 5, m_annotator->store()->claims().last().id)
                    .ok());
        }
        ClaimsModel atOnce;
        atOnce.setStore(m_annotator->store());
        QCOMPARE(atOnce.rowCount(), 6);
        QVERIFY(!atOnce.isLoading());

        ClaimsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loading(&model, &ClaimsModel::loadingChanged);
        model.setBackgroundLoadingAbove(11); // 12 appearances
        model.setStore(m_annotator->store());
        QVERIFY(model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(loading.count(), 2);
        QCOMPARE(dump(model), dump(atOnce));

        // A change made while the worker reads is not lost: the list is read again once, here.
        ClaimsModel racing;
        racing.setBackgroundLoadingAbove(0);
        racing.setStore(m_annotator->store());
        QVERIFY(racing.isLoading());
        QVERIFY(m_annotator->highlightAndLink(m_a1, 50, 54, 0, QStringLiteral("Added meanwhile")).ok());
        QTRY_VERIFY(!racing.isLoading());
        QCOMPARE(racing.rowCount(), 7);
        QCOMPARE(dump(racing), dump(atOnce));

        // Held (the window holds it until its first paint), the load waits to be let go.
        ClaimsModel held;
        held.setBackgroundLoadingAbove(0);
        held.holdBackgroundLoading(true);
        held.setStore(m_annotator->store());
        QTest::qWait(300);
        QVERIFY(held.isLoading());
        QCOMPARE(held.rowCount(), 0);
        held.holdBackgroundLoading(false);
        QTRY_VERIFY(!held.isLoading());
        QCOMPARE(held.rowCount(), 7);

        // At or under the threshold it loads at once, as before.
        ClaimsModel small;
        small.setBackgroundLoadingAbove(1000);
        small.setStore(m_annotator->store());
        QVERIFY(!small.isLoading());
        QCOMPARE(small.rowCount(), 7);
    }

    void followsTheStore()
    {
        ClaimsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_annotator->store());
        QCOMPARE(model.rowCount(), 0);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        const auto l = m_annotator->highlightAndLink(m_a1, 0, 36, 0, QStringLiteral("Fares rise 10%"), Wording::Stated);
        QVERIFY(l.ok());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(!inserted.first().at(0).toModelIndex().isValid()); // a top-level row
        const QModelIndex claim = model.index(0, 0);
        QCOMPARE(claim.data().toString(), QStringLiteral("Fares rise 10%"));
        QCOMPARE(model.rowCount(claim), 1);
        QCOMPARE(claim.data(Roles::ReportCountRole).toInt(), 1);
        const QModelIndex first = model.index(0, 0, claim);
        QCOMPARE(first.data(Roles::OutletRole).toString(), QStringLiteral("Bay Daily"));
        QCOMPARE(first.data(Roles::QuoteRole).toString(), Body.left(36));
        QVERIFY(first.data().toString().startsWith(QStringLiteral("Bay Daily: \u201CFares rise")));

        // A second appearance is inserted under its claim, not by a reset.
        inserted.clear();
        QVERIFY(m_annotator->highlightAndLink(m_a2, 0, 36, l.claimId, {}, Wording::Attributed).ok());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(0).toModelIndex(), claim);
        QCOMPARE(model.rowCount(claim), 2);
        QCOMPARE(claim.data(Roles::ReportCountRole).toInt(), 2);
        QCOMPARE(model.index(1, ClaimsModel::StatusColumn, claim).data().toString(), wordingLabel(Wording::Attributed));

        changed.clear();
        QVERIFY(m_annotator->setStatus(l.claimId, Status::Unsupported));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), claim);
        QCOMPARE(model.index(0, ClaimsModel::StatusColumn).data().toString(), QStringLiteral("unsupported"));
        QCOMPARE(claim.data(Roles::ColourRole).value<QColor>(), m_annotator->store()->tag(Status::Unsupported)->colour);

        // Undo removes the appearance row; undo of the first step removes the claim row.
        m_annotator->undoStack()->undo(); // status
        m_annotator->undoStack()->undo(); // second appearance
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(claim), 1);
        m_annotator->undoStack()->undo(); // the claim and its first appearance
        QCOMPARE(model.rowCount(), 0);
        m_annotator->undoStack()->redo();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 1);
        QCOMPARE(reset.count(), 0);
    }

    void claimsKeepCreationOrderThroughUndo()
    {
        ClaimsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_annotator->store());
        const qint64 a = m_annotator->createClaim(QStringLiteral("A"));
        const qint64 b = m_annotator->createClaim(QStringLiteral("B"));
        const qint64 c = m_annotator->createClaim(QStringLiteral("C"));
        QVERIFY(m_annotator->removeClaim(b));
        QCOMPARE(model.rowCount(), 2);
        m_annotator->undoStack()->undo();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.indexOfClaim(a).row(), 0);
        QCOMPARE(model.indexOfClaim(b).row(), 1);
        QCOMPARE(model.indexOfClaim(c).row(), 2);
    }

    void orphanedAppearancesSaySo()
    {
        ClaimsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_annotator->store());
        const auto l = m_annotator->highlightAndLink(m_a1, 37, 55, 0, QStringLiteral("Operator said"));
        QVERIFY(l.ok());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(m_annotator->store()->reanchor(m_a1, QStringLiteral("Entirely different text now.")), 1);
        QCOMPARE(changed.count(), 1);
        const QModelIndex a = model.indexOfAppearance(l.claimId, l.highlightId);
        QVERIFY(a.data(Roles::OrphanedRole).toBool());
        QVERIFY(a.data().toString().contains(QStringLiteral("not found in the text")));
    }
};

QTEST_GUILESS_MAIN(ClaimsModelTest)
#include "tst_claimsmodel.moc"
