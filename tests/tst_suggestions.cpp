// Suggestions in the window: detection runs off the UI thread on opening, A accepts a group as a
// claim with its appearances, R rejects it for good, and both are undoable.
#include "annotationstore.h"
#include "annotator.h"
#include "detect/rejectedsuggestions.h"
#include "mainwindow.h"
#include "panestrip.h"
#include "readingpane.h"
#include "suggestionsmodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

class SuggestionsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static Detect::Suggestion suggestion(const char *key, qint64 a, qint64 b)
    {
        Detect::Suggestion s;
        s.key = key;
        s.label = QString::fromLatin1(key);
        s.passages = {{a, 0, 5}, {b, 0, 5}};
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ParallaxTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_suggestions"));
        QSettings().clear();
    }

    void modelChangesRowByRow()
    {
        SuggestionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSuggestions({suggestion("a", 1, 2), suggestion("b", 1, 3), suggestion("c", 2, 3)}, {"b"});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowCount(model.index(0, 0)), 2);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setExcluded({"b", "a"});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("c"));
        model.setExcluded({});
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("b")); // back in its place
        QCOMPARE(reset.count(), 0);
    }

    void acceptAndRejectInTheWindow()
    {
        const QString path = m_dir.filePath(QStringLiteral("suggest.parallax"));
        auto w = std::make_unique<MainWindow>();
        w->openInitialWorkspace(path);
        // Three outlets that ran the same Smart Campaigns sentence word for word.
        w->importFiles({QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/01_lawsuit-time.txt"),
                        QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/02_suing-microsoft.txt"),
                        QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/05_benzinga.txt")});
        QTRY_COMPARE(w->paneStrip()->panes().size(), 3);
        w->findChild<QDockWidget *>(QStringLiteral("suggestionsDock"))->show();
        w->findChild<QDockWidget *>(QStringLiteral("suggestionsDock"))->raise();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->activateWindow();
        auto *model = w->findChild<SuggestionsModel *>();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 10000);
        auto *view = w->findChild<QTreeView *>(QStringLiteral("suggestionsView"));
        int row = -1;
        for (int r = 0; r < model->rowCount() && row < 0; ++r) {
            if (model->index(r, 0).data().toString().contains(QStringLiteral("Smart Campaigns")))
                row = r;
        }
        QVERIFY2(row >= 0, "the shared sentence was not suggested");
        const Detect::Suggestion chosen = *model->suggestionAt(model->index(row, 0));
        const int before = model->rowCount();

        // Choosing it selects its passages in the panes.
        view->setFocus();
        view->setCurrentIndex(model->index(row, 0));
        for (ReadingPane *pane : w->paneStrip()->panes())
            QVERIFY(pane->textView()->textCursor().selectedText().contains(QStringLiteral("Smart Campaigns")));
        // The variants view sets the outlets' wordings side by side.
        auto *variants = w->findChild<QTextBrowser *>(QStringLiteral("suggestionVariants"));
        QVERIFY(variants->isVisible());
        QCOMPARE(variants->toPlainText().count(QStringLiteral("Smart Campaigns")), int(chosen.passages.size()));

        // A accepts: one claim, an appearance per passage, one undo step; the group goes away.
        AnnotationStore *store = w->annotator()->store();
        const int steps = w->annotator()->undoStack()->count();
        QTRY_VERIFY(view->hasFocus());
        QTest::keyClick(view, Qt::Key_A);
        QCOMPARE(store->claims().size(), 1);
        QCOMPARE(store->appearancesOfClaim(store->claims().first().id).size(), chosen.passages.size());
        QCOMPARE(store->appearancesOfClaim(store->claims().first().id).first().wording,
                 chosen.kind == Detect::Kind::Quote ? Wording::Verbatim : Wording::Stated);
        QCOMPARE(w->annotator()->undoStack()->count(), steps + 1);
        QTRY_COMPARE(model->rowCount(), before - 1);
        w->findChild<QAction *>(QStringLiteral("undo"))->trigger();
        QCOMPARE(store->claims().size(), 0);
        QCOMPARE(store->allHighlights().size(), 0);
        QTRY_COMPARE(model->rowCount(), before);

        // R rejects it, for good: after reopening it is still left out.
        view->setFocus();
        view->setCurrentIndex(model->index(row, 0));
        QTest::keyClick(view, Qt::Key_R);
        QTRY_COMPARE(model->rowCount(), before - 1);
        QVERIFY(Detect::RejectedSuggestions(w->workspace()).isRejected(chosen.key));
        w.reset();
        auto again = std::make_unique<MainWindow>();
        again->openInitialWorkspace(path);
        auto *model2 = again->findChild<SuggestionsModel *>();
        QTRY_VERIFY_WITH_TIMEOUT(model2->rowCount() == before - 1, 10000);
        for (int r = 0; r < model2->rowCount(); ++r)
            QVERIFY(model2->suggestionAt(model2->index(r, 0))->key != chosen.key);
        // Undo in the new window has nothing to take back (undo does not outlive a session).
        QCOMPARE(again->annotator()->undoStack()->count(), 0);
    }
};

QTEST_MAIN(SuggestionsTest)
#include "tst_suggestions.moc"
