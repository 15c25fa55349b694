// Annotating in the real window, offscreen: select text in a pane with the keyboard, press the
// keys, and check both the workspace file and what the panes show.
#include "annotationcontroller.h"
#include "annotationstore.h"
#include "annotator.h"
#include "claimdetails.h"
#include "claimsmodel.h"
#include "highlightlayer.h"
#include "mainwindow.h"
#include "panestrip.h"
#include "readingpane.h"
#include "roles.h"
#include "testutil.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>

using namespace TestUtil;

namespace {
// Puts the caret before `text` in a pane and selects it with Shift+Right, as a keyboard user would.
bool selectWithKeyboard(ReadingPane *pane, const QString &text)
{
    QTextBrowser *view = pane->textView();
    QString body = view->document()->toRawText();
    body.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    const qsizetype at = body.indexOf(text);
    if (at < 0)
        return false;
    view->setFocus();
    QTextCursor c = view->textCursor();
    c.setPosition(int(at));
    view->setTextCursor(c);
    for (qsizetype i = 0; i < text.size(); ++i)
        QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
    return view->textCursor().selectedText() == text;
}

// Answers the claim picker that L opens: types into its filter, optionally moves down to an
// existing claim, and presses Enter.
void answerPicker(const QString &typed, int downs)
{
    QTimer::singleShot(0, [typed, downs] {
        auto *picker = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(picker);
        auto *filter = picker->findChild<QLineEdit *>(QStringLiteral("claimFilter"));
        QVERIFY(filter);
        filter->selectAll();
        QTest::keyClicks(filter, typed);
        for (int i = 0; i < downs; ++i)
            QTest::keyClick(filter, Qt::Key_Down);
        QTest::keyClick(filter, Qt::Key_Return);
    });
}

QColor backgroundAt(ReadingPane *pane, int position)
{
    QTextCursor c(pane->textView()->document());
    c.setPosition(position + 1);
    return c.charFormat().background().color();
}
} // namespace

class AnnotateGuiTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ParallaxTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_annotategui"));
    }

    void init() { QSettings().clear(); }

    void annotateByKeyboard()
    {
        const QString path = m_dir.filePath(QStringLiteral("keyboard.parallax"));
        MainWindow w;
        w.openInitialWorkspace(path);
        w.importFiles({QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/02_suing-microsoft.txt"),
                       QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/03_evoclique.txt")});
        QTRY_COMPARE(w.paneStrip()->panes().size(), 2);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        AnnotationStore *store = w.annotator()->store();
        ReadingPane *first = w.paneStrip()->panes().at(0);
        ReadingPane *second = w.paneStrip()->panes().at(1);

        // H highlights the selection.
        const QString quote = QStringLiteral("They trained illegally using Twitter data");
        QVERIFY(selectWithKeyboard(first, quote));
        QTest::keyClick(first->textView(), Qt::Key_H);
        QCOMPARE(store->highlightsOf(first->articleId()).size(), 1);
        const Highlight h = store->highlightsOf(first->articleId()).first();
        QCOMPARE(h.quote, quote);
        QTRY_VERIFY(backgroundAt(first, h.start).alpha() > 0); // shown as a character format

        // L links it to a new claim named in the picker.
        answerPicker(QStringLiteral("Musk: trained illegally"), 0);
        QTest::keyClick(first->textView(), Qt::Key_L);
        w.activateWindow(); // as the window manager does when the dialog closes
        QTRY_VERIFY(w.isActiveWindow());
        QCOMPARE(store->claims().size(), 1);
        const Claim claim = store->claims().first();
        QCOMPARE(claim.title, QStringLiteral("Musk: trained illegally"));
        QCOMPARE(store->appearancesOfClaim(claim.id).size(), 1);
        QCOMPARE(store->highlightsOf(first->articleId()).size(), 1); // the same highlight, linked
        QCOMPARE(w.annotationController()->currentClaim(), claim.id);
        QCOMPARE(w.findChild<QLineEdit *>(QStringLiteral("claimTitle"))->text(), claim.title);

        // U marks the claim under the cursor unsupported, and the highlight takes its colour.
        QTest::keyClick(first->textView(), Qt::Key_U);
        QCOMPARE(store->claim(claim.id)->statusTag, Status::Unsupported);
        const QColor unsupported = store->tag(Status::Unsupported)->colour;
        QTRY_COMPARE(backgroundAt(first, h.start).rgb(), unsupported.rgb());

        // The same claim in the second article, chosen in the picker by typing and Down.
        QVERIFY(selectWithKeyboard(second, QStringLiteral("They trained illegally using Twitter data. Lawsuit time")));
        answerPicker(QStringLiteral("trained"), 1);
        QTest::keyClick(second->textView(), Qt::Key_L);
        w.activateWindow();
        QTRY_VERIFY(w.isActiveWindow());
        QCOMPARE(store->claims().size(), 1);
        QCOMPARE(store->appearancesOfClaim(claim.id).size(), 2);
        QCOMPARE(w.findChild<ClaimsModel *>()->rowCount(w.findChild<ClaimsModel *>()->indexOfClaim(claim.id)), 2);

        // Undo, step by step, with the file checked each time; then redo.
        QAction *undo = w.findChild<QAction *>(QStringLiteral("undo"));
        QAction *redo = w.findChild<QAction *>(QStringLiteral("redo"));
        undo->trigger();
        QCOMPARE(store->appearancesOfClaim(claim.id).size(), 1);
        undo->trigger();
        QCOMPARE(store->claim(claim.id)->statusTag, qint64(0));
        redo->trigger();
        QCOMPARE(store->claim(claim.id)->statusTag, Status::Unsupported);
        redo->trigger();
        QCOMPARE(store->appearancesOfClaim(claim.id).size(), 2);

        // Letters typed elsewhere are text, not commands.
        auto *search = w.findChild<QLineEdit *>(QStringLiteral("claimSearch"));
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("hlu"));
        QCOMPARE(search->text(), QStringLiteral("hlu"));
        QCOMPARE(store->allHighlights().size(), 2);
        search->clear();

        // Choosing the claim in the panel selects its passage in every pane that reports it.
        first->clearSelection();
        second->clearSelection();
        w.annotationController()->chooseClaim(0);
        auto *tree = w.findChild<QTreeView *>(QStringLiteral("claimsView"));
        tree->setFocus();
        tree->setCurrentIndex(tree->model()->index(0, 0));
        QCOMPARE(first->textView()->textCursor().selectedText(), quote);
        QCOMPARE(second->textView()->textCursor().selectedText(),
                 QStringLiteral("They trained illegally using Twitter data. Lawsuit time"));

        // Everything is in the file already: a second connection sees it.
        QCOMPARE(queryValue(path, QStringLiteral("SELECT count(*) FROM appearances")).toInt(), 2);
        QCOMPARE(queryValue(path, QStringLiteral("SELECT status_tag FROM claims")).toLongLong(), Status::Unsupported);
    }

    void contextMenuOffersTheActions()
    {
        const QString path = m_dir.filePath(QStringLiteral("menu.parallax"));
        MainWindow w;
        w.openInitialWorkspace(path);
        w.importFiles({QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/04_might-sue.txt")});
        QTRY_COMPARE(w.paneStrip()->panes().size(), 1);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ReadingPane *pane = w.paneStrip()->panes().first();
        QVERIFY(selectWithKeyboard(pane, QStringLiteral("Musk has not yet provided concrete evidence")));
        std::unique_ptr<QMenu> menu(w.annotationController()->contextMenu(pane));
        QStringList names;
        for (QAction *a : menu->actions())
            names << a->objectName();
        for (const char *name : {"highlight", "linkToClaim", "removeHighlight", "markUnsupported", "markDisputed"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QAction *highlight = w.annotationController()->highlightAction();
        QVERIFY(highlight->isEnabled());
        highlight->trigger();
        QCOMPARE(w.annotator()->store()->allHighlights().size(), 1);
        QCOMPARE(w.annotator()->store()->allHighlights().first().quote,
                 QStringLiteral("Musk has not yet provided concrete evidence"));
        // Hovering the highlight describes it.
        const int inside = w.annotator()->store()->allHighlights().first().start + 3;
        QVERIFY(pane->highlightLayer()->describe(inside).contains(QStringLiteral("not linked to a claim")));
        QVERIFY(pane->highlightLayer()->describe(0).isEmpty());
    }

    void overlappingHighlightsDeepenTheColour()
    {
        const QString path = m_dir.filePath(QStringLiteral("overlap.parallax"));
        MainWindow w;
        w.openInitialWorkspace(path);
        w.importFiles({QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/04_might-sue.txt")});
        QTRY_COMPARE(w.paneStrip()->panes().size(), 1);
        ReadingPane *pane = w.paneStrip()->panes().first();
        const qint64 article = pane->articleId();
        QVERIFY(w.annotator()->highlight(article, 10, 40));
        QVERIFY(w.annotator()->highlight(article, 30, 60));
        pane->highlightLayer()->refreshNow();
        const int single = backgroundAt(pane, 15).alpha();
        const int both = backgroundAt(pane, 34).alpha();
        QVERIFY(single > 0);
        QVERIFY2(both > single, qPrintable(QStringLiteral("%1 vs %2").arg(both).arg(single)));
        QCOMPARE(backgroundAt(pane, 55).alpha(), single);
        QCOMPARE(backgroundAt(pane, 70).alpha(), 255); // no highlight: the plain background
    }

    void deleteRemovesTheHighlightUnderTheCursor()
    {
        const QString path = m_dir.filePath(QStringLiteral("delete.parallax"));
        MainWindow w;
        w.openInitialWorkspace(path);
        w.importFiles({QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/05_benzinga.txt")});
        QTRY_COMPARE(w.paneStrip()->panes().size(), 1);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        ReadingPane *pane = w.paneStrip()->panes().first();
        QVERIFY(selectWithKeyboard(pane, QStringLiteral("Lawsuit time")));
        QTest::keyClick(pane->textView(), Qt::Key_H);
        QCOMPARE(w.annotator()->store()->allHighlights().size(), 1);
        QTest::keyClick(pane->textView(), Qt::Key_Left); // caret inside the highlight, no selection
        QTest::keyClick(pane->textView(), Qt::Key_Right);
        QTest::keyClick(pane->textView(), Qt::Key_Delete);
        QCOMPARE(w.annotator()->store()->allHighlights().size(), 0);
        QTRY_COMPARE(
            backgroundAt(pane, int(pane->textView()->document()->toRawText().indexOf(QStringLiteral("Lawsuit time"))))
                .alpha(),
            255); // the plain, unformatted background again
    }
};

QTEST_MAIN(AnnotateGuiTest)
#include "tst_annotategui.moc"
