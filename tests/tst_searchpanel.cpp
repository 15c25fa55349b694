// Search across articles in the main window, driven offscreen as a reader would: Ctrl+F, type,
// Return, and the match is selected in its article's pane.
#include "articlelistmodel.h"
#include "mainwindow.h"
#include "panestrip.h"
#include "readingpane.h"
#include "roles.h"
#include "searchresultsmodel.h"
#include "workspace.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

namespace {
ArticleDraft draft(const QString &headline, const QString &outlet, const QString &body)
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

const QString BridgeBody
    = QStringLiteral("The harbour bridge closes on Monday.\nThe mayor\u2019s office said the bridge "
                     "is unsafe.");
const QString TrafficBody = QStringLiteral("Traffic will avoid the BRIDGE, the mayor's\u00A0office said.");

struct Selection {
    int start = -1;
    int end = -1;
    friend bool operator==(const Selection &, const Selection &) = default;
};

Selection selectionIn(ReadingPane *pane)
{
    if (!pane)
        return {};
    const QTextCursor c = pane->textView()->textCursor();
    return {c.selectionStart(), c.selectionEnd()};
}
} // namespace

namespace QTest {
template<> char *toString(const Selection &s)
{
    return qstrdup(QByteArray("[" + QByteArray::number(s.start) + ", " + QByteArray::number(s.end) + ")").constData());
}
} // namespace QTest

class SearchPanelTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_bridge = 0, m_ferries = 0, m_traffic = 0;

    QDockWidget *dock() const { return m_window->findChild<QDockWidget *>(QStringLiteral("searchDock")); }
    QLineEdit *queryEdit() const { return m_window->findChild<QLineEdit *>(QStringLiteral("searchQuery")); }
    QTreeView *results() const { return m_window->findChild<QTreeView *>(QStringLiteral("searchResults")); }
    QLabel *status() const { return m_window->findChild<QLabel *>(QStringLiteral("searchStatus")); }
    ReadingPane *pane(qint64 id) const { return m_window->paneStrip()->paneFor(id); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ParallaxTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_searchpanel"));
        QVERIFY(m_dir.isValid());
    }

    // A workspace of three articles; the third, which also mentions the mayor's office, is hidden.
    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openWorkspace(m_dir.filePath(QStringLiteral("search-%1.parallax").arg(++m_counter))));
        Workspace *ws = m_window->workspace();
        const QList<Workspace::AddResult> added
            = ws->addArticles({draft(QStringLiteral("Bridge closes"), QStringLiteral("Coast Courier"), BridgeBody),
                               draft(QStringLiteral("Ferries double"), QStringLiteral("Bay Daily"),
                                     QStringLiteral("Extra ferries start on Monday.")),
                               draft(QStringLiteral("Traffic"), QStringLiteral("Pier Post"), TrafficBody)});
        QCOMPARE(added.size(), 3);
        m_bridge = added.at(0).id;
        m_ferries = added.at(1).id;
        m_traffic = added.at(2).id;
        QVERIFY(ws->setArticleShown(m_traffic, false));
        // The claim docks on the right are not part of this: without them the strip is about one
        // pane wide, so panes out of view need scrolling to.
        for (const char *name : {"claimsDock", "suggestionsDock", "detailsDock"})
            m_window->findChild<QDockWidget *>(QLatin1String(name))->hide();
        m_window->resize(900, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QCOMPARE(m_window->paneStrip()->panes().size(), 2);
        QVERIFY(dock());
        QVERIFY(!dock()->isVisible()); // hidden until the reader searches
    }

    void cleanup() { m_window.reset(); }

    void findInArticlesIsInTheEditMenu()
    {
        auto *find = m_window->findChild<QAction *>(QStringLiteral("findInArticles"));
        QVERIFY(find);
        QCOMPARE(find->shortcut(), QKeySequence(QKeySequence::Find));
        QStringList menus;
        QMenu *edit = nullptr;
        for (QAction *a : m_window->menuBar()->actions()) {
            menus << a->text();
            if (a->text() == QStringLiteral("&Edit"))
                edit = a->menu();
        }
        QCOMPARE(menus.mid(0, 3),
                 (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Claim")}));
        QVERIFY(edit);
        QVERIFY(edit->actions().contains(find));
    }

    void typeAndReturnSelectsTheMatch()
    {
        pane(m_bridge)->textView()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(dock()->isVisible());
        QTRY_VERIFY(queryEdit()->hasFocus());

        QTest::keyClicks(queryEdit(), QStringLiteral("mayor's office"));
        // No search per keystroke: it waits for a pause in typing.
        QCOMPARE(results()->model()->rowCount(), 0);
        QTRY_COMPARE(results()->model()->rowCount(), 2);
        QCOMPARE(status()->text(), QStringLiteral("2 matches in 2 articles"));
        QVERIFY(results()->isExpanded(results()->model()->index(0, 0)));

        // Return goes to the first match, curly apostrophe and all; focus stays in the query.
        const int bridgeAt = int(BridgeBody.indexOf(QStringLiteral("mayor\u2019s office")));
        QVERIFY(bridgeAt > 0);
        QTest::keyClick(queryEdit(), Qt::Key_Return);
        QCOMPARE(selectionIn(pane(m_bridge)), (Selection{bridgeAt, bridgeAt + 14}));
        QVERIFY(queryEdit()->hasFocus());

        // Return again: the next match is in the hidden article, whose pane is shown for it.
        const int trafficAt = int(TrafficBody.indexOf(QStringLiteral("mayor's\u00A0office")));
        QVERIFY(trafficAt > 0);
        QTest::keyClick(queryEdit(), Qt::Key_Return);
        QVERIFY(pane(m_traffic));
        QCOMPARE(selectionIn(pane(m_traffic)), (Selection{trafficAt, trafficAt + 14}));
        QVERIFY(m_window->workspace()->article(m_traffic)->shown);
        // Scrolled sideways so the pane that was hidden is in view (the window fits about one),
        // right away rather than once some later event happens to bring it there.
        QVERIFY(pane(m_traffic)->isVisible());
        QWidget *viewport = m_window->paneStrip()->viewport();
        const QRect inViewport(pane(m_traffic)->mapTo(viewport, QPoint(0, 0)), pane(m_traffic)->size());
        QVERIFY2(viewport->rect().contains(inViewport), qPrintable(QStringLiteral("pane at %1").arg(inViewport.x())));

        // Shift+Return goes back.
        pane(m_bridge)->textView()->setTextCursor(QTextCursor(pane(m_bridge)->textView()->document()));
        QTest::keyClick(queryEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(selectionIn(pane(m_bridge)), (Selection{bridgeAt, bridgeAt + 14}));
    }

    void resultsByKeyboardAndEscapeReturns()
    {
        ReadingPane *ferries = pane(m_ferries);
        ferries->textView()->setFocus();
        QTRY_VERIFY(ferries->textView()->hasFocus());
        QTest::keyClick(ferries->textView(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(queryEdit()->hasFocus());
        QTest::keyClicks(queryEdit(), QStringLiteral("BRIDGE"));
        QTRY_COMPARE(status()->text(), QStringLiteral("3 matches in 2 articles"));

        // Down moves into the results, onto the first match; Down again to the second.
        QTest::keyClick(queryEdit(), Qt::Key_Down);
        QVERIFY(results()->hasFocus());
        const QModelIndex first = results()->currentIndex();
        QCOMPARE(first.parent(), results()->model()->index(0, 0));
        QCOMPARE(first.row(), 0);
        QTest::keyClick(results(), Qt::Key_Down);
        const QModelIndex second = results()->currentIndex();
        QCOMPARE(second.data(Roles::MatchStartRole).toInt(), int(BridgeBody.lastIndexOf(QStringLiteral("bridge"))));

        // Activating a result selects it in its pane and moves there to read.
        QTest::keyClick(results(), Qt::Key_Return);
        const int at = int(BridgeBody.lastIndexOf(QStringLiteral("bridge")));
        QCOMPARE(selectionIn(pane(m_bridge)), (Selection{at, at + 6}));
        QTRY_VERIFY(pane(m_bridge)->textView()->hasFocus());

        // Escape from the panel goes back to where the search was started, and closes it.
        ferries->textView()->setFocus();
        QTRY_VERIFY(ferries->textView()->hasFocus());
        QTest::keyClick(ferries->textView(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(queryEdit()->hasFocus());
        QCOMPARE(queryEdit()->selectedText(), QStringLiteral("BRIDGE")); // ready to be typed over
        QTest::keyClick(queryEdit(), Qt::Key_Down);
        QVERIFY(results()->hasFocus());
        QTest::keyClick(results(), Qt::Key_Escape);
        QTRY_VERIFY(ferries->textView()->hasFocus());
        QVERIFY(!dock()->isVisible());
    }

    void importDuringASearchUpdatesResults()
    {
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(queryEdit()->hasFocus());
        QTest::keyClicks(queryEdit(), QStringLiteral("monday"));
        QTRY_COMPARE(status()->text(), QStringLiteral("2 matches in 2 articles"));
        m_window->workspace()->addArticles(
            {draft(QStringLiteral("Closure"), QStringLiteral("Harbour Times"), QStringLiteral("Shut from Monday."))});
        QCOMPARE(status()->text(), QStringLiteral("3 matches in 3 articles"));
        QVERIFY(results()->isExpanded(results()->model()->index(2, 0)));

        QTest::keyClick(queryEdit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(queryEdit(), Qt::Key_Delete);
        QCOMPARE(results()->model()->rowCount(), 0);
        QCOMPARE(status()->text(), QString());
        QTest::keyClicks(queryEdit(), QStringLiteral("ferry boats"));
        QTRY_COMPARE(status()->text(), QStringLiteral("No matches"));
    }
};

QTEST_MAIN(SearchPanelTest)
#include "tst_searchpanel.moc"
