// The main window, driven offscreen as a reader would: first launch, panes, list, import, layout.
#include "application.h"
#include "articlelistmodel.h"
#include "generatedstory.h"
#include "highlightlayer.h"
#include "mainwindow.h"
#include "panestrip.h"
#include "readingpane.h"
#include "roles.h"
#include "samplestory.h"
#include "testutil.h"
#include "typography.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>

using namespace TestUtil;

namespace {
QStringList sampleHeadlines()
{
    QStringList headlines;
    const QDir dir(QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample"));
    for (const QString &file : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        headlines << QString::fromUtf8(readFile(dir.filePath(file))).section(QLatin1Char('\n'), 0, 0);
    return headlines;
}

QStringList paneHeadlines(MainWindow &w)
{
    QStringList result;
    // A pane out of view has no header yet: its headline label is made when it loads.
    for (ReadingPane *pane : w.paneStrip()->panes()) {
        auto *label = pane->findChild<QLabel *>(QStringLiteral("headline"));
        result << (label ? label->text() : pane->headline());
    }
    return result;
}
// An article of the given paragraphs, from one outlet, its bytes the text itself.
ArticleDraft draft(const QString &headline, const QStringList &paragraphs)
{
    ArticleDraft d;
    d.headline = headline;
    d.outlet = QStringLiteral("Coast Courier");
    d.body = paragraphs.join(QLatin1Char('\n'));
    d.original = d.body.toUtf8();
    return d;
}

// A new workspace at path holding the drafts; false (with the reason printed) if it cannot be.
bool makeWorkspace(const QString &path, const QList<ArticleDraft> &drafts)
{
    QString error;
    auto ws = Workspace::open(path, &error);
    if (!ws) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    for (const Workspace::AddResult &r : ws->addArticles(drafts)) {
        if (!r.ok()) {
            qWarning("%s", qPrintable(r.error));
            return false;
        }
    }
    return true;
}
} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ParallaxTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        // Every test starts as a first launch: no settings, no sample workspace yet.
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void firstLaunchShowsTheSampleStorySideBySide()
    {
        QVERIFY(!QFile::exists(SampleStory::defaultPath()));
        MainWindow w;
        w.openInitialWorkspace({});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(QFile::exists(SampleStory::defaultPath()));
        QCOMPARE(w.workspace()->path(), SampleStory::defaultPath());

        const QStringList expected = sampleHeadlines();
        QCOMPARE(expected.size(), 5);
        QCOMPARE(paneHeadlines(w), expected);
        const QList<ReadingPane *> panes = w.paneStrip()->panes();
        for (ReadingPane *pane : panes) {
            QVERIFY(pane->isVisible());
            // The pane shows exactly the stored text, each pane scrolling on its own.
            // (toRawText keeps no-break spaces, which toPlainText turns into plain ones.)
            QString shown = pane->textView()->document()->toRawText();
            shown.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
            QCOMPARE(shown, w.workspace()->articleBody(pane->articleId()));
            QVERIFY(!pane->findChild<QLabel *>(QStringLiteral("outlet"))->text().isEmpty());
        }
        QCOMPARE(panes.at(2)->findChild<QLabel *>(QStringLiteral("outlet"))->text(), QStringLiteral("Evoclique"));
        // Panes keep a readable width; those that do not fit are reached by scrolling sideways.
        for (ReadingPane *pane : panes)
            QVERIFY(pane->width() >= Typography::MinPaneWidth);
        panes.first()->textView()->verticalScrollBar()->setValue(200);
        QCOMPARE(panes.at(1)->textView()->verticalScrollBar()->value(), 0);
        QVERIFY(w.windowTitle().contains(QStringLiteral("Musk")));
    }

    void listTicksChooseWhichArticlesAreShown()
    {
        MainWindow w;
        w.openInitialWorkspace({});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *list = w.findChild<QListView *>(QStringLiteral("articleList"));
        QVERIFY(list);
        QCOMPARE(list->model()->rowCount(), 5);
        const QModelIndex second = list->model()->index(1, 0);
        list->setFocus();
        list->setCurrentIndex(second);
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(second.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        QStringList expected = sampleHeadlines();
        expected.removeAt(1);
        QCOMPARE(paneHeadlines(w), expected);
        QVERIFY(!w.workspace()->article(second.data(Roles::ArticleIdRole).toLongLong())->shown);

        // Ticking it again brings the pane back in list order.
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(paneHeadlines(w), sampleHeadlines());

        // Hide all: an empty state says what to do.
        for (int row = 0; row < 5; ++row)
            list->model()->setData(list->model()->index(row, 0), Qt::Unchecked, Qt::CheckStateRole);
        QVERIFY(w.paneStrip()->panes().isEmpty());
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("emptyState"))->isVisible());
    }

    void panesOffScreenAreNotLoadedUntilShown()
    {
        // Twelve shown articles in a window that fits about two panes.
        const QString path = m_dir.filePath(QStringLiteral("lazy.parallax"));
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
            QVERIFY2(GeneratedStory::fill(*ws, 12, 20, 4, 3, &error), qPrintable(error));
        }
        MainWindow w;
        w.resize(1100, 700);
        QVERIFY(w.openWorkspace(path));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QList<ReadingPane *> panes = w.paneStrip()->panes();
        QCOMPARE(panes.size(), 12);
        QTRY_VERIFY(panes.first()->isLoaded());
        // The last pane is off screen: its body has not been read or laid out. Far from the view it
        // is not even shown, but it keeps its place in the strip, which scrolls as far as with it.
        ReadingPane *last = panes.last();
        QVERIFY(!last->isLoaded());
        QVERIFY(last->isHidden());
        QVERIFY(last->width() >= Typography::MinPaneWidth);
        QVERIFY(last->x() > panes.at(10)->x());
        QVERIFY(w.paneStrip()->horizontalScrollBar()->maximum() >= last->x() - w.paneStrip()->viewport()->width());
        QVERIFY(!last->findChild<QTextBrowser *>());
        QVERIFY(!last->findChild<QLabel *>()); // nor its header made
        // Scrolled into view, it loads: the stored text with its highlights.
        w.paneStrip()->scrollToPane(last->articleId(), false);
        QTRY_VERIFY(last->isLoaded());
        QVERIFY(last->isVisible());
        auto *headline = last->findChild<QLabel *>(QStringLiteral("headline"));
        QVERIFY(headline && headline->isVisible());
        QCOMPARE(headline->text(), last->headline());
        QString shown = last->findChild<QTextBrowser *>()->document()->toRawText();
        shown.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
        QCOMPARE(shown, w.workspace()->articleBody(last->articleId()));
        QCOMPARE(last->highlightLayer()->highlights().size(), 5);
        // A passage shown in a pane far off (choosing a claim does this for every pane that reports
        // it) is where the reader lands when the pane is scrolled to: centred in its own layout.
        ReadingPane *far = nullptr;
        for (qsizetype i = 0; i < panes.size() && !far; ++i) {
            if (i != 6 && panes.at(i)->isHidden())
                far = panes.at(i);
        }
        QVERIFY2(far, "no pane is far enough from the view to be hidden");
        const QString farBody = w.workspace()->articleBody(far->articleId());
        const int passageAt = int(farBody.size()) / 2;
        far->showPassage(passageAt, passageAt + 20);
        w.paneStrip()->scrollToPane(far->articleId(), false);
        QTRY_VERIFY(far->isVisible());
        QCoreApplication::processEvents();
        QTextBrowser *farText = far->textView();
        QVERIFY(farText->verticalScrollBar()->value() > 0);
        // Where showPassage puts a passage: a third of the way down the view, not at an edge.
        QVERIFY2(std::abs(farText->cursorRect().center().y() - farText->viewport()->height() / 3)
                     < 2 * farText->fontMetrics().lineSpacing(),
                 qPrintable(QString::number(farText->cursorRect().center().y())));
        QVERIFY2(farText->viewport()->rect().contains(farText->cursorRect().center()),
                 qPrintable(QStringLiteral("passage at %1,%2 in a view of %3 x %4")
                                .arg(farText->cursorRect().x())
                                .arg(farText->cursorRect().y())
                                .arg(farText->viewport()->width())
                                .arg(farText->viewport()->height())));
        // Asking a pane off screen for its text loads it too.
        ReadingPane *middle = panes.at(6);
        QVERIFY(!middle->isLoaded());
        QCOMPARE(middle->bodyText(), w.workspace()->articleBody(middle->articleId()));
        QVERIFY(middle->isLoaded());
    }

    void headlineCanBeSelectedWithTheMouse()
    {
        MainWindow w;
        w.openInitialWorkspace({});
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        ReadingPane *pane = w.paneStrip()->panes().first();
        auto *headline = pane->findChild<QLabel *>(QStringLiteral("headline"));
        QVERIFY(headline && headline->isVisible());
        QVERIFY(!headline->hasSelectedText());
        const QRect placed = headline->geometry();
        const QRect textPlaced = pane->textView()->geometry();
        // A drag from the start of the headline to its end selects it, over more than one word.
        const QPoint end(headline->width() - 2, headline->height() - 2);
        QTest::mousePress(headline, Qt::LeftButton, {}, QPoint(1, 2));
        QMouseEvent move(QEvent::MouseMove, end, headline->mapToGlobal(end), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(headline, &move);
        QTest::mouseRelease(headline, Qt::LeftButton, {}, end);
        const QString dragged = headline->selectedText();
        QVERIFY2(dragged.contains(QLatin1Char(' ')), qPrintable(dragged));
        QVERIFY(headline->hasFocus()); // so Ctrl+C copies the selection
        QVERIFY(pane->headline().startsWith(dragged.left(10)));
        // Selecting moves nothing: the headline keeps its lines and the text its place.
        QCoreApplication::processEvents();
        QCOMPARE(headline->geometry(), placed);
        QCOMPARE(pane->textView()->geometry(), textPlaced);
        // A double click on the last line, after a while, selects the word under it alone.
        QTest::mouseDClick(headline, Qt::LeftButton, {}, end - QPoint(headline->fontMetrics().averageCharWidth(), 0),
                           QApplication::doubleClickInterval() + 50);
        const QString word = headline->selectedText();
        QVERIFY2(!word.isEmpty() && !word.contains(QLatin1Char(' ')), qPrintable(word));
        QVERIFY(pane->headline().contains(word));
    }

    void paneTextKeepsItsWidthWhetherOrNotItScrolls()
    {
        // A short article that fits its pane and a long one that does not: both columns of text
        // are as wide, so a text never reflows because a scroll bar came or went.
        const QString path = m_dir.filePath(QStringLiteral("widths.parallax"));
        QVERIFY(makeWorkspace(path,
                              {draft(QStringLiteral("Short"), {QStringLiteral("One paragraph that fits.")}),
                               draft(QStringLiteral("Long"),
                                     QStringList(200, QStringLiteral("A paragraph among many that will not fit.")))}));
        MainWindow w;
        w.resize(1100, 700);
        QVERIFY(w.openWorkspace(path));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QList<ReadingPane *> panes = w.paneStrip()->panes();
        QCOMPARE(panes.size(), 2);
        QTextBrowser *fits = panes.at(0)->textView();
        QTextBrowser *scrolls = panes.at(1)->textView();
        QTRY_VERIFY(scrolls->verticalScrollBar()->maximum() > 0);
        QCOMPARE(fits->verticalScrollBar()->maximum(), 0);
        QCOMPARE(fits->width(), scrolls->width());
        QCOMPARE(fits->viewport()->width(), scrolls->viewport()->width());
        QCOMPARE(fits->document()->textWidth(), scrolls->document()->textWidth());
    }

    void textInViewKeepsItsShapesForItsPaint()
    {
        // The paragraphs a pane shows keep their shaped glyphs from their layout for their paint;
        // the rest of a long article does not hold on to them.
        const QString path = m_dir.filePath(QStringLiteral("shapes.parallax"));
        QStringList paragraphs;
        for (int i = 0; i < 300; ++i)
            paragraphs
                << QStringLiteral("Paragraph %1 of a long article, long enough to wrap over a line or two.").arg(i);
        QVERIFY(makeWorkspace(path, {draft(QStringLiteral("Long"), paragraphs)}));
        MainWindow w;
        w.resize(1100, 700);
        QVERIFY(w.openWorkspace(path));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTextBrowser *text = w.paneStrip()->panes().first()->textView();
        auto check = [text] {
            const QRectF view(0, text->verticalScrollBar()->value(), text->viewport()->width(),
                              text->viewport()->height());
            int inView = 0;
            for (QTextBlock b = text->document()->firstBlock(); b.isValid(); b = b.next()) {
                const QRectF r = text->document()->documentLayout()->blockBoundingRect(b);
                if (r.intersects(view)) {
                    ++inView;
                    if (!b.layout()->cacheEnabled())
                        return QStringLiteral("block %1 shows but lets go of its shapes").arg(b.blockNumber());
                } else if (r.top() > view.bottom() + view.height() || r.bottom() < view.top() - view.height()) {
                    if (b.layout()->cacheEnabled())
                        return QStringLiteral("block %1 is far out of view but keeps its shapes").arg(b.blockNumber());
                }
            }
            return inView > 3 ? QString() : QStringLiteral("only %1 blocks in view").arg(inView);
        };
        QString fault = check();
        QVERIFY2(fault.isEmpty(), qPrintable(fault));
        // Scrolled far down and resized, the paragraphs now in view keep theirs, the first ones no longer.
        text->verticalScrollBar()->setValue(text->verticalScrollBar()->maximum() / 2);
        w.resize(1000, 600);
        QTRY_COMPARE(text->viewport()->height() < 600, true);
        QCoreApplication::processEvents();
        fault = check();
        QVERIFY2(fault.isEmpty(), qPrintable(fault));
    }

    void importAndDropAddPanes()
    {
        MainWindow w;
        w.openInitialWorkspace({});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString article = m_dir.filePath(QStringLiteral("harbour.md"));
        QVERIFY(writeFile(article, "# Harbour bridge closes\n\nThe bridge closes on Monday.\n"));
        const QString bad = m_dir.filePath(QStringLiteral("broken.txt"));
        QVERIFY(writeFile(bad, QByteArray("\0\1\2\3binary", 10)));

        w.importFiles({article, bad});
        QTRY_COMPARE(w.paneStrip()->panes().size(), 6);
        QCOMPARE(paneHeadlines(w).last(), QStringLiteral("Harbour bridge closes"));
        QCOMPARE(w.workspace()->articleCount(), 6);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w.findChild<QMessageBox *>(QStringLiteral("problemBox"))));
        QVERIFY2(box->text().startsWith(QStringLiteral("broken.txt: ")), qPrintable(box->text()));
        box->accept();

        // Dropping files on the window imports them too.
        const QString dropped = m_dir.filePath(QStringLiteral("ferry.txt"));
        QVERIFY(writeFile(dropped, "Ferries double\n\nExtra ferries start on Monday.\n"));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(dropped)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QTRY_COMPARE(w.paneStrip()->panes().size(), 7);
        QCOMPARE(paneHeadlines(w).last(), QStringLiteral("Ferries double"));
    }

    void layoutAndWorkspaceAreRestored()
    {
        const QString path = m_dir.filePath(QStringLiteral("restored.parallax"));
        {
            MainWindow w;
            w.openInitialWorkspace(path); // created, as named on the command line
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(720, 530);
            w.findChild<QDockWidget *>(QStringLiteral("articlesDock"))->hide();
            w.close();
        }
        MainWindow w;
        w.openInitialWorkspace({});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.workspace()->path(), path);
        QCOMPARE(w.size(), QSize(720, 530));
        QVERIFY(!w.findChild<QDockWidget *>(QStringLiteral("articlesDock"))->isVisible());
        QVERIFY(w.paneStrip()->panes().isEmpty());
    }

    void recentWorkspacesAndFailedOpens()
    {
        MainWindow w;
        w.openInitialWorkspace({});
        const QString sample = w.workspace()->path();
        const QString other = m_dir.filePath(QStringLiteral("other.parallax"));
        QVERIFY(w.openWorkspace(other));
        auto *recent = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent);
        QStringList tips;
        for (QAction *a : recent->actions())
            tips << a->toolTip();
        QCOMPARE(tips, (QStringList{other, sample}));
        recent->actions().at(1)->trigger();
        QCOMPARE(w.workspace()->path(), sample);

        // A file that is not a workspace: a message, and the current workspace stays.
        const QString notes = m_dir.filePath(QStringLiteral("notes.parallax"));
        QVERIFY(writeFile(notes, "plain notes\n"));
        QVERIFY(!w.openWorkspace(notes));
        QCOMPARE(w.workspace()->path(), sample);
        QCOMPARE(w.paneStrip()->panes().size(), 5);
        auto *box = w.findChild<QMessageBox *>(QStringLiteral("problemBox"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("not a Parallax workspace")), qPrintable(box->text()));
        QCOMPARE(readFile(notes), QByteArray("plain notes\n"));
    }

    void keyboardMovesBetweenPanes()
    {
        MainWindow w;
        w.openInitialWorkspace({});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        const QList<ReadingPane *> panes = w.paneStrip()->panes();
        QCOMPARE(panes.size(), 5);
        auto focusedPane = [&]() -> int {
            for (int i = 0; i < panes.size(); ++i) {
                if (panes.at(i)->textView()->hasFocus())
                    return i;
            }
            return -1;
        };
        QTest::keyClick(&w, Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(focusedPane(), 0);
        QTest::keyClick(&w, Qt::Key_Right, Qt::AltModifier);
        QTest::keyClick(&w, Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(focusedPane(), 2);
        QTest::keyClick(&w, Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(focusedPane(), 1);
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(&w, Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(focusedPane(), 4); // stops at the last pane
    }

    void actionsHaveStandardShortcuts()
    {
        MainWindow w;
        auto shortcut = [&](const char *name) {
            auto *a = w.findChild<QAction *>(QLatin1String(name));
            return a ? a->shortcut() : QKeySequence();
        };
        QCOMPARE(shortcut("newWorkspace"), QKeySequence(QKeySequence::New));
        QCOMPARE(shortcut("openWorkspace"), QKeySequence(QKeySequence::Open));
        QCOMPARE(shortcut("importArticles"), QKeySequence(QStringLiteral("Ctrl+I")));
        QCOMPARE(shortcut("quit"), QKeySequence(QKeySequence::Quit));
    }

    void styleKeepsTitleBarIcons()
    {
        // Fusion makes a new icon, from its PNG files, every time a dock lays out its title bar.
        AppStyle style(QStringLiteral("Fusion"));
        QCOMPARE(style.baseStyle()->name().toLower(), QStringLiteral("fusion"));
        for (QStyle::StandardPixmap icon :
             {QStyle::SP_TitleBarCloseButton, QStyle::SP_TitleBarNormalButton, QStyle::SP_DockWidgetCloseButton}) {
            const QIcon first = style.standardIcon(icon);
            QVERIFY(!first.isNull());
            QCOMPARE(style.standardIcon(icon).cacheKey(), first.cacheKey()); // the same icon, kept
            // (the reason for it: Fusion itself makes a new one each time; should a later Qt keep
            // them, this fails and AppStyle can go)
            QVERIFY(style.baseStyle()->standardIcon(icon).cacheKey()
                    != style.baseStyle()->standardIcon(icon).cacheKey());
            QVERIFY(!first.pixmap(16, 16).isNull());
        }
        // Other icons are the base style's own, as it makes them.
        QVERIFY(!style.standardIcon(QStyle::SP_DialogOkButton).isNull());
        // Polished again, or under another palette, it makes them anew.
        qint64 before = style.standardIcon(QStyle::SP_TitleBarCloseButton).cacheKey();
        style.polish(qApp);
        QVERIFY(style.standardIcon(QStyle::SP_TitleBarCloseButton).cacheKey() != before);
        before = style.standardIcon(QStyle::SP_TitleBarCloseButton).cacheKey();
        const QPalette light = QApplication::palette();
        QPalette dark = light;
        dark.setColor(QPalette::Window, Qt::black);
        dark.setColor(QPalette::WindowText, Qt::white);
        QApplication::setPalette(dark);
        const qint64 underDark = style.standardIcon(QStyle::SP_TitleBarCloseButton).cacheKey();
        QApplication::setPalette(light);
        QVERIFY(underDark != before);
        QCOMPARE(style.standardIcon(QStyle::SP_TitleBarCloseButton).cacheKey(),
                 style.standardIcon(QStyle::SP_TitleBarCloseButton).cacheKey());

        // And the window's docks, under it, show their buttons' icons.
        QApplication::setStyle(new AppStyle(QStringLiteral("Fusion")));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("claimsDock"));
        QVERIFY(dock);
        auto *close = dock->findChild<QAbstractButton *>(QStringLiteral("qt_dockwidget_closebutton"));
        QVERIFY(close);
        QVERIFY(!close->icon().isNull());
    }

    // Last: it sets the application up as the executable does, style included.
    void applicationSetUp()
    {
        Application::setUp();
        QCOMPARE(QGuiApplication::applicationDisplayName(), QStringLiteral("Parallax"));
        auto *style = dynamic_cast<AppStyle *>(QApplication::style());
        QVERIFY(style);
        const QString base = style->baseStyle()->name();
        Application::setUp(); // twice: the style is not wrapped again (nor lost for an empty name)
        QCOMPARE(QApplication::style(), style);
        QCOMPARE(style->baseStyle()->name(), base);
        // The window icon comes from the UI library's own resources, in both sizes.
        const QList<QSize> sizes = QApplication::windowIcon().availableSizes();
        QVERIFY2(sizes.contains(QSize(48, 48)) && sizes.contains(QSize(128, 128)), qPrintable(QDebug::toString(sizes)));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
