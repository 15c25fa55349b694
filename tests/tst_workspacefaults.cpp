// Workspace faults with real files: read-only, open in another Parallax (a real second process),
// truncated, too new, a full disk, the folder removed while open. Each gives a clear message,
// keeps what was acknowledged and leaves the file as it was. Also the window's read-only mode.
#include "annotationcontroller.h"
#include "annotationstore.h"
#include "annotator.h"
#include "mainwindow.h"
#include "schema.h"
#include "suggestionspanel.h"
#include "testutil.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cstdio>
#include <iostream>
#include <string>

using namespace TestUtil;

namespace {

const QString Body = QStringLiteral("The council voted on Monday to approve the harbour plan, officials said. "
                                    "Work is to start in the spring.");

// A workspace with one article and one claim linked to a highlight.
bool makeWorkspace(const QString &path)
{
    QString error;
    auto ws = Workspace::open(path, &error);
    if (!ws)
        return false;
    ArticleDraft d;
    d.headline = QStringLiteral("Harbour plan");
    d.body = Body;
    d.original = (d.headline + QStringLiteral("\n\n") + Body).toUtf8();
    if (!ws->addArticles({d}).first().ok())
        return false;
    Annotator annotator(ws.get());
    return annotator.highlightAndLink(1, 0, 20, 0, QStringLiteral("The council approved the plan")).ok();
}

int highlightCount(const QString &path)
{
    return queryValue(path, QStringLiteral("SELECT count(*) FROM highlights")).toInt();
}

} // namespace

class WorkspaceFaultsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString newWorkspace()
    {
        const QString path = m_dir.filePath(QStringLiteral("faults-%1.parallax").arg(++m_counter));
        return makeWorkspace(path) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void readOnlyFileOpensReadOnly()
    {
        const QString path = newWorkspace();
        QVERIFY(!path.isEmpty());
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray before = fileDigest(path);
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
            QVERIFY(ws->isReadOnly());
            QVERIFY2(ws->readOnlyReason().contains(QStringLiteral("read-only")), qPrintable(ws->readOnlyReason()));
            QCOMPARE(ws->articleCount(), 1);
            QCOMPARE(ws->articleBody(1), Body);
            // Showing and hiding articles is a view setting and still works, in memory.
            QVERIFY(ws->setArticleShown(1, false));
            QCOMPARE(ws->article(1)->shown, false);
            Annotator annotator(ws.get());
            QCOMPARE(annotator.store()->allHighlights().size(), 1);
            QCOMPARE(annotator.highlight(1, 30, 40), 0);
            QVERIFY2(annotator.lastError().contains(QStringLiteral("read-only")), qPrintable(annotator.lastError()));
            ArticleDraft d;
            d.headline = QStringLiteral("More");
            d.original = QByteArray("More text");
            d.body = QStringLiteral("More text");
            const auto added = ws->addArticles({d});
            QVERIFY(!added.first().ok());
            QVERIFY2(added.first().error.contains(QStringLiteral("read-only")), qPrintable(added.first().error));
        }
        // The command line refuses every edit with the reason, and still reads.
        Run r = parallax({QStringLiteral("annotate"), QStringLiteral("--workspace"), path, QStringLiteral("--quote"),
                          QStringLiteral("Work is to start"), QStringLiteral("--claim"), QStringLiteral("Spring")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot be changed: the file is read-only")), qPrintable(r.err));
        const QString article = m_dir.filePath(QStringLiteral("ro-article.txt"));
        QVERIFY(writeFile(article, "Another\n\nSome words.\n"));
        r = parallax({QStringLiteral("import"), QStringLiteral("--workspace"), path, article});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("read-only")), qPrintable(r.err));
        r = parallax({QStringLiteral("claims"), QStringLiteral("--workspace"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("The council approved the plan")), qPrintable(r.out));
        QCOMPARE(fileDigest(path), before);
    }

    void openInAnotherProcess()
    {
        const QString path = newWorkspace();
        QVERIFY(!path.isEmpty());
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--hold"), path});
        QVERIFY(holder.waitForReadyRead(30000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("HELD"));
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
            QVERIFY(ws->isReadOnly());
            QVERIFY2(ws->readOnlyReason().contains(
                         QStringLiteral("open in another Parallax (process %1").arg(holder.processId())),
                     qPrintable(ws->readOnlyReason()));
            QCOMPARE(ws->articleCount(), 1);
        }
        const Run r
            = parallax({QStringLiteral("annotate"), QStringLiteral("--workspace"), path, QStringLiteral("--quote"),
                        QStringLiteral("Work"), QStringLiteral("--claim"), QStringLiteral("Spring")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("open in another Parallax")), qPrintable(r.err));
        QCOMPARE(highlightCount(path), 1);

        // kill -9 leaves no stale lock: the system drops it with the process.
        holder.kill();
        QVERIFY(holder.waitForFinished());
        QString error;
        auto ws = Workspace::open(path, &error);
        QVERIFY2(ws, qPrintable(error));
        QVERIFY2(!ws->isReadOnly(), qPrintable(ws->readOnlyReason()));
        // A second Workspace in the same process shares the lock.
        auto again = Workspace::open(path, &error);
        QVERIFY2(again && !again->isReadOnly(), qPrintable(again ? again->readOnlyReason() : error));
    }

    void truncatedAndTooNew()
    {
        const QString truncated = newWorkspace();
        QVERIFY(!truncated.isEmpty());
        {
            QFile f(truncated);
            QVERIFY(f.resize(f.size() / 2));
        }
        QByteArray before = fileDigest(truncated);
        Run r = parallax({QStringLiteral("claims"), QStringLiteral("--workspace"), truncated});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("damaged")), qPrintable(r.err));
        QCOMPARE(fileDigest(truncated), before);

        const QString newer = newWorkspace();
        QVERIFY(runSqlScript(newer, QStringLiteral("PRAGMA user_version = %1;").arg(Schema::currentVersion() + 1)));
        before = fileDigest(newer);
        r = parallax({QStringLiteral("annotate"), QStringLiteral("--workspace"), newer, QStringLiteral("--quote"),
                      QStringLiteral("Work"), QStringLiteral("--claim"), QStringLiteral("Spring")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("newer version of Parallax")), qPrintable(r.err));
        QCOMPARE(fileDigest(newer), before);
    }

    // The disk fills up (SQLite's page limit stands in for it): the edit is refused with a clear
    // message, everything before it stays, and the workspace works again once there is room.
    void diskFull()
    {
        const QString path = newWorkspace();
        QVERIFY(!path.isEmpty());
        QString error;
        auto ws = Workspace::open(path, &error);
        QVERIFY2(ws, qPrintable(error));
        QSqlDatabase db = QSqlDatabase::database(ws->connectionName());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        const int pages = q.value(0).toInt();
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));

        ArticleDraft big;
        big.headline = QStringLiteral("Big");
        big.body = QString(200000, QLatin1Char('x'));
        big.original = big.body.toUtf8();
        const auto added = ws->addArticles({big});
        QVERIFY(!added.first().ok());
        QVERIFY2(added.first().error.contains(QStringLiteral("disk is full")), qPrintable(added.first().error));
        QCOMPARE(ws->articleCount(), 1);

        Annotator annotator(ws.get());
        // Fill what room is left, then one more edit must be refused.
        int refused = 0;
        for (int i = 0; i < 2000 && refused == 0; ++i) {
            if (annotator.createClaim(QStringLiteral("Claim %1 ").arg(i) + QString(500, QLatin1Char('c'))) == 0)
                refused = i + 1;
        }
        QVERIFY2(refused > 0, "the page limit never refused an edit");
        QVERIFY2(annotator.lastError().contains(QStringLiteral("disk is full")), qPrintable(annotator.lastError()));
        QVERIFY2(annotator.lastError().contains(QStringLiteral("not saved")), qPrintable(annotator.lastError()));
        const int claimsBefore = int(annotator.store()->claims().size());
        QCOMPARE(claimsBefore, refused); // the first claim, then every acknowledged one

        // Room again: the workspace is sound and takes edits.
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
        QVERIFY(annotator.createClaim(QStringLiteral("After the disk was freed")) > 0);
        ws.reset();
        QCOMPARE(queryValue(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(queryValue(path, QStringLiteral("SELECT count(*) FROM claims")).toInt(), claimsBefore + 1);
        QCOMPARE(highlightCount(path), 1);
    }

    // The folder goes away while the workspace is open: the next edit is refused with a message,
    // and everything acknowledged is copied to a recovery file first.
    void folderDisappears()
    {
        const QString folder = m_dir.filePath(QStringLiteral("vanishing"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/story.parallax");
        QVERIFY(makeWorkspace(path));
        QString error;
        auto ws = Workspace::open(path, &error);
        QVERIFY2(ws, qPrintable(error));
        Annotator annotator(ws.get());
        const qint64 acknowledged = annotator.createClaim(QStringLiteral("Acknowledged before the folder went"));
        QVERIFY(acknowledged > 0);

        QVERIFY(QDir(folder).removeRecursively());
        QVERIFY(ws->fileIsGone());
        QCOMPARE(annotator.createClaim(QStringLiteral("After")), 0);
        QVERIFY2(annotator.lastError().contains(QStringLiteral("moved or deleted")), qPrintable(annotator.lastError()));
        // Undo cannot write into the deleted file either: the claim is still there.
        annotator.undoStack()->undo();
        QVERIFY(annotator.store()->claim(acknowledged).has_value());
        const QString rescue = ws->rescuePath();
        QVERIFY2(!rescue.isEmpty() && annotator.lastError().contains(rescue), qPrintable(annotator.lastError()));
        // Reading still works from the open file.
        QCOMPARE(ws->articleBody(1), Body);
        ws.reset();
        QCOMPARE(queryValue(rescue,
                            QStringLiteral("SELECT count(*) FROM claims WHERE title = "
                                           "'Acknowledged before the folder went'"))
                     .toInt(),
                 1);
        QCOMPARE(highlightCount(rescue), 1);
        QCOMPARE(queryValue(rescue, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QFile::remove(rescue);
    }

    // The window checks a workspace page by page after it has painted, on a worker: a file
    // damaged where only that check looks (an overflow chain of a long article) opens, then turns
    // read-only with the damage named, and is never written.
    void windowFindsDamageAfterOpening()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged-later.parallax"));
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
            ArticleDraft d;
            d.headline = QStringLiteral("Long read");
            for (int i = 0; i < 900; ++i)
                d.body += QStringLiteral("Paragraph %1 of a long article about the harbour plan.\n").arg(i);
            d.original = d.body.toUtf8();
            QVERIFY(ws->addArticles({d}).first().ok());
        }
        QCOMPARE(Workspace::checkIntegrity(path), QString());
        QByteArray bytes = readFile(path);
        QVERIFY(bytes.size() > 16 * 4096);
        // The first four bytes of a page in the middle of the body's overflow chain: its link.
        const qsizetype page = (bytes.size() / 4096 / 2) * 4096;
        for (qsizetype i = page; i < page + 4; ++i)
            bytes[i] = char(0xFF);
        QVERIFY(writeFile(path, bytes));
        QVERIFY2(Workspace::checkIntegrity(path).contains(QStringLiteral("damaged")),
                 qPrintable(Workspace::checkIntegrity(path)));

        MainWindow window;
        QVERIFY(window.openWorkspace(path));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.readOnlyBanner()->isVisible(), 10000);
        QVERIFY2(window.readOnlyBanner()->text().contains(QStringLiteral("damaged")),
                 qPrintable(window.readOnlyBanner()->text()));
        QVERIFY(window.workspace()->isReadOnly());
        QVERIFY(!window.annotationController()->highlightAction()->isEnabled());
        QVERIFY(!window.annotator()->highlight(1, 0, 10));
        auto *box = window.findChild<QWidget *>(QStringLiteral("problemBox"));
        QVERIFY(box && box->isVisible());
        QCOMPARE(readFile(path), bytes);
    }

    // The window on a read-only workspace: a banner says so and why, every edit is off.
    void windowIsReadOnly()
    {
        const QString path = newWorkspace();
        QVERIFY(!path.isEmpty());
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray before = fileDigest(path);
        {
            MainWindow window;
            QVERIFY(window.openWorkspace(path));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QLabel *banner = window.readOnlyBanner();
            QVERIFY(banner->isVisible());
            QVERIFY2(banner->text().contains(QStringLiteral("the file is read-only")), qPrintable(banner->text()));
            AnnotationController *c = window.annotationController();
            for (QAction *a : {c->highlightAction(), c->linkAction(), c->removeHighlightAction()})
                QVERIFY2(!a->isEnabled(), qPrintable(a->objectName()));
            for (QAction *a : c->statusActions())
                QVERIFY(!a->isEnabled());
            QVERIFY(c->nextClaimAction()->isEnabled()); // reading claims still works
            for (const char *name : {"importArticles", "importAnnotations"}) {
                auto *a = window.findChild<QAction *>(QLatin1String(name));
                QVERIFY2(a && !a->isEnabled(), name);
            }
            const QList<QPushButton *> buttons = window.findChild<SuggestionsPanel *>()->findChildren<QPushButton *>();
            for (QPushButton *b : buttons) {
                if (b->text().contains(QStringLiteral("Accept")) || b->text().contains(QStringLiteral("Reject"))
                    || b->text().contains(QStringLiteral("Merge")))
                    QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
            }
            // The key for Highlight does nothing to the file.
            QTest::keyClick(&window, Qt::Key_H);
            QVERIFY(!window.annotator()->highlight(1, 40, 50));
        }
        QCOMPARE(fileDigest(path), before);

        // A writable workspace has no banner.
        const QString writable = newWorkspace();
        MainWindow window;
        QVERIFY(window.openWorkspace(writable));
        QVERIFY(window.readOnlyBanner()->isHidden());
        QVERIFY(window.findChild<QAction *>(QStringLiteral("importArticles"))->isEnabled());
    }
};

int main(int argc, char **argv)
{
    // A second "Parallax": holds a workspace open until its standard input closes or it is killed.
    if (argc == 3 && std::string(argv[1]) == "--hold") {
        QCoreApplication app(argc, argv);
        QString error;
        auto ws = Workspace::open(QString::fromLocal8Bit(argv[2]), &error);
        if (!ws || ws->isReadOnly())
            return 1;
        std::cout << "HELD" << std::endl;
        std::string line;
        std::getline(std::cin, line);
        return 0;
    }
    QApplication app(argc, argv);
    WorkspaceFaultsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_workspacefaults.moc"
