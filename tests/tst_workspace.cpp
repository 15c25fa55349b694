// Storage: creating, reopening, migrating and refusing workspace files.
#include "annotationstore.h"
#include "schema.h"
#include "testutil.h"
#include "workspace.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace TestUtil;

class WorkspaceTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static ArticleDraft draft(const QString &headline, const QString &body, const QByteArray &original = {})
    {
        ArticleDraft d;
        d.headline = headline;
        d.body = body;
        d.outlet = QStringLiteral("Coast Courier");
        d.author = QStringLiteral("A. Writer");
        d.url = QStringLiteral("https://courier.example/harbour");
        d.published = QStringLiteral("2024-01-02");
        d.sourceName = headline + QStringLiteral(".txt");
        d.format = QStringLiteral("text");
        d.encoding = QStringLiteral("UTF-8");
        d.original = original.isEmpty() ? (headline + QLatin1Char('\n') + body).toUtf8() : original;
        return d;
    }

    // A workspace file as an older Parallax left it: the schema's first steps, up to format
    // version, as one script for runSqlScript.
    static QString schemaScript(int version)
    {
        QString script;
        for (int step = 0; step < version; ++step) {
            for (const QString &sql : Schema::migrations().at(step))
                script += sql + QStringLiteral(";\n");
        }
        return script
            + QStringLiteral("PRAGMA user_version = %1;\nPRAGMA application_id = %2;\n")
                  .arg(version)
                  .arg(Schema::ApplicationId);
    }

    QVariant pragmaOf(Workspace &ws, const QString &pragma)
    {
        QSqlQuery q(QSqlDatabase::database(ws.connectionName()));
        if (q.exec(QStringLiteral("PRAGMA ") + pragma) && q.next())
            return q.value(0);
        return {};
    }

    // A closed workspace file with one article whose body spans several pages.
    QString makeWorkspaceWithBigArticle(const QString &name)
    {
        const QString file = path(name);
        QString error;
        auto ws = Workspace::open(file, &error);
        if (!ws)
            return {};
        ws->addArticles({draft(QStringLiteral("Long read"), QString(40000, QLatin1Char('x')))});
        return file;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createsSchemaAndPragmas()
    {
        QString error;
        auto ws = Workspace::open(path(QStringLiteral("new.parallax")), &error);
        QVERIFY2(ws, qPrintable(error));
        QCOMPARE(pragmaOf(*ws, QStringLiteral("user_version")).toInt(), Schema::currentVersion());
        QCOMPARE(pragmaOf(*ws, QStringLiteral("application_id")).toInt(), Schema::ApplicationId);
        QCOMPARE(pragmaOf(*ws, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(pragmaOf(*ws, QStringLiteral("foreign_keys")).toInt(), 1);
        QCOMPARE(pragmaOf(*ws, QStringLiteral("synchronous")).toInt(), 2); // FULL
        QCOMPARE(ws->articleCount(), 0);
    }

    void logHasRoomForACheckpointCycle()
    {
        // A commit writes into room the log already has: the file does not grow at each commit.
        const QString file = path(QStringLiteral("logroom.parallax"));
        const QString log = file + QStringLiteral("-wal");
        {
            QString error;
            auto ws = Workspace::open(file, &error);
            QVERIFY2(ws, qPrintable(error));
            const qint64 page = pragmaOf(*ws, QStringLiteral("page_size")).toLongLong();
            const qint64 frames = pragmaOf(*ws, QStringLiteral("wal_autocheckpoint")).toLongLong();
            QVERIFY(page > 0 && frames > 0);
            const qint64 room = QFileInfo(log).size();
            QVERIFY2(room >= 32 + frames * (24 + page), qPrintable(QString::number(room)));
            for (int i = 0; i < 20; ++i)
                QVERIFY(ws->setTitle(QStringLiteral("Title %1").arg(i)));
            const auto results = ws->addArticles({draft(QStringLiteral("Log room"), QStringLiteral("Body.\n"))});
            QVERIFY(results.first().ok());
            QCOMPARE(QFileInfo(log).size(), room);
        }
        // Closed, the log is checkpointed and gone, and what was written is in the file.
        QVERIFY(!QFile::exists(log));
        QString error;
        auto again = Workspace::open(file, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->title(), QStringLiteral("Title 19"));
        QCOMPARE(again->articleCount(), 1);
    }

    void reopenKeepsEverything()
    {
        const QString file = path(QStringLiteral("reopen.parallax"));
        const QByteArray original("Harbour bridge\n\nThe bridge\xC2\xA0"
                                  "closes \xE2\x80\x9Csoon\xE2\x80\x9D.\n");
        qint64 id = 0;
        {
            QString error;
            auto ws = Workspace::open(file, &error);
            QVERIFY2(ws, qPrintable(error));
            QVERIFY(ws->setTitle(QStringLiteral("Bridge story")));
            const auto results
                = ws->addArticles({draft(QStringLiteral("Harbour bridge"),
                                         QStringLiteral("The bridge\u00A0closes \u201Csoon\u201D."), original)});
            QCOMPARE(results.size(), 1);
            QVERIFY(results.first().ok());
            id = results.first().id;
        }
        QString error;
        auto ws = Workspace::open(file, &error);
        QVERIFY2(ws, qPrintable(error));
        QCOMPARE(ws->title(), QStringLiteral("Bridge story"));
        QCOMPARE(ws->articleCount(), 1);
        const auto a = ws->article(id);
        QVERIFY(a.has_value());
        QCOMPARE(a->headline, QStringLiteral("Harbour bridge"));
        QCOMPARE(a->outlet, QStringLiteral("Coast Courier"));
        QCOMPARE(a->author, QStringLiteral("A. Writer"));
        QCOMPARE(a->url, QStringLiteral("https://courier.example/harbour"));
        QCOMPARE(a->published, QStringLiteral("2024-01-02"));
        QCOMPARE(a->sourceName, QStringLiteral("Harbour bridge.txt"));
        QCOMPARE(a->format, QStringLiteral("text"));
        QVERIFY(a->imported.isValid());
        QVERIFY(qAbs(a->imported.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        QVERIFY(a->shown);
        QCOMPARE(ws->articleBody(id), QStringLiteral("The bridge\u00A0closes \u201Csoon\u201D."));
        QCOMPARE(ws->articleOriginal(id), original);
    }

    void duplicatesAreNotAddedTwice()
    {
        QString error;
        auto ws = Workspace::open(path(QStringLiteral("dup.parallax")), &error);
        QVERIFY(ws);
        QSignalSpy added(ws.get(), &Workspace::articlesAdded);
        const ArticleDraft d = draft(QStringLiteral("Same"), QStringLiteral("Text"));
        const auto first = ws->addArticles({d});
        const auto second = ws->addArticles({d});
        QVERIFY(first.first().ok());
        QVERIFY(second.first().duplicate);
        QCOMPARE(second.first().id, first.first().id);
        QCOMPARE(ws->articleCount(), 1);
        QCOMPARE(added.count(), 1);
    }

    void eachArticleIsWholeOrNothing()
    {
        const QString file = path(QStringLiteral("savepoints.parallax"));
        QString error;
        auto ws = Workspace::open(file, &error);
        QVERIFY(ws);
        // A trigger stands in for any failure while one article is being stored.
        QSqlQuery q(QSqlDatabase::database(ws->connectionName()));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER poison BEFORE INSERT ON articles WHEN NEW.headline = 'poison' "
                                      "BEGIN SELECT RAISE(ABORT, 'refused by test'); END")));
        QSignalSpy added(ws.get(), &Workspace::articlesAdded);
        const auto results = ws->addArticles({draft(QStringLiteral("one"), QStringLiteral("a")),
                                              draft(QStringLiteral("poison"), QStringLiteral("b")),
                                              draft(QStringLiteral("three"), QStringLiteral("c"))});
        QVERIFY(results.at(0).ok());
        QVERIFY(!results.at(1).ok());
        QVERIFY(results.at(1).error.contains(QStringLiteral("refused by test")));
        QVERIFY(results.at(2).ok());
        QCOMPARE(ws->articleCount(), 2);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().value<QList<qint64>>(), (QList<qint64>{results.at(0).id, results.at(2).id}));
        QStringList headlines;
        for (const ArticleSummary &a : ws->articles())
            headlines << a.headline;
        QCOMPARE(headlines, (QStringList{QStringLiteral("one"), QStringLiteral("three")}));
    }

    void showingAnArticleIsStoredAndReported()
    {
        const QString file = path(QStringLiteral("shown.parallax"));
        qint64 id = 0;
        {
            QString error;
            auto ws = Workspace::open(file, &error);
            QVERIFY(ws);
            id = ws->addArticles({draft(QStringLiteral("x"), QStringLiteral("y"))}).first().id;
            QSignalSpy changed(ws.get(), &Workspace::articleChanged);
            QVERIFY(ws->setArticleShown(id, false));
            QCOMPARE(changed.count(), 1);
            QCOMPARE(changed.first().first().toLongLong(), id);
            QVERIFY(ws->setArticleShown(id, false)); // no change, no signal
            QCOMPARE(changed.count(), 1);
        }
        QString error;
        auto ws = Workspace::open(file, &error);
        QVERIFY(!ws->article(id)->shown);
    }

    void migratesFromVersion1()
    {
        const QString file = path(QStringLiteral("v1.parallax"));
        QVERIFY(
            runSqlScript(file, QString::fromUtf8(readFile(QStringLiteral(PARALLAX_TEST_DATA "/workspace-v1.sql")))));
        QCOMPARE(queryValue(file, QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QString error;
        auto ws = Workspace::open(file, &error);
        QVERIFY2(ws, qPrintable(error));
        QCOMPARE(pragmaOf(*ws, QStringLiteral("user_version")).toInt(), Schema::currentVersion());
        const QList<ArticleSummary> articles = ws->articles();
        QCOMPARE(articles.size(), 2);
        QCOMPARE(articles.at(0).headline, QStringLiteral("Harbour bridge to close for repairs"));
        QCOMPARE(articles.at(0).outlet, QStringLiteral("Coast Courier"));
        QCOMPARE(articles.at(1).outlet, QStringLiteral("Bay Daily"));
        QVERIFY(articles.at(0).shown); // new column, default
        QCOMPARE(ws->articleBody(articles.at(0).id),
                 QStringLiteral("The bridge closes on Monday.\nFerries run every ten minutes."));
        // New tables work after the upgrade.
        QVERIFY(ws->setTitle(QStringLiteral("Bridges")));
        // The copy taken before the upgrade is the old file, still at version 1.
        const QString backup = file + QStringLiteral(".v1.backup");
        QVERIFY(QFile::exists(backup));
        QCOMPARE(queryValue(backup, QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(queryValue(backup, QStringLiteral("SELECT count(*) FROM articles")).toInt(), 2);
    }

    // Version 6 rebuilds the highlights table without AUTOINCREMENT: every row and id stays, the
    // links to claims stay (dropping the old table must not cascade), and an id AUTOINCREMENT
    // had already handed out is still never given again.
    void migratesHighlightsToVersion6()
    {
        const QString file = path(QStringLiteral("v5.parallax"));
        const QString script = schemaScript(5)
            + QStringLiteral("INSERT INTO articles(id, headline, body, imported, original, original_format) VALUES "
                             "(1, 'Bridge', 'The bridge closes on Monday.', '2026-01-01T00:00:00Z', x'00', 'text');\n"
                             "INSERT INTO claims(id, title, created, modified) VALUES (1, 'Closes Monday', 'c', 'm');\n"
                             "INSERT INTO highlights(article_id, start, end, quote, note, created, modified) VALUES "
                             "(1, 4, 10, 'bridge', 'n1', 'c', 'm'), (1, 18, 24, 'Monday', '', 'c', 'm'), "
                             "(1, 0, 3, 'The', '', 'c', 'm');\n"
                             "INSERT INTO appearances(highlight_id, claim_id, wording) VALUES (2, 1, 'verbatim');\n"
                             "DELETE FROM highlights WHERE id = 3;\n");
        QVERIFY(runSqlScript(file, script));
        QCOMPARE(queryValue(file, QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'highlights'")).toInt(),
                 3);
        {
            QString error;
            auto ws = Workspace::open(file, &error);
            QVERIFY2(ws, qPrintable(error));
            QCOMPARE(pragmaOf(*ws, QStringLiteral("user_version")).toInt(), 6);
            QCOMPARE(pragmaOf(*ws, QStringLiteral("foreign_keys")).toInt(), 1); // back on after the rebuild
            QSqlDatabase db = QSqlDatabase::database(ws->connectionName());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT id, quote, note FROM highlights ORDER BY id")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            QCOMPARE(q.value(2).toString(), QStringLiteral("n1"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            QCOMPARE(q.value(1).toString(), QStringLiteral("Monday"));
            QVERIFY(!q.next());
            QVERIFY(q.exec(QStringLiteral("SELECT highlight_id, wording FROM appearances")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            QCOMPARE(q.value(1).toString(), QStringLiteral("verbatim"));
            QVERIFY(q.exec(QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'highlights'")) && q.next());
            QVERIFY(!q.value(0).toString().contains(QStringLiteral("AUTOINCREMENT")));
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'highlights_by_article'"))
                    && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            // Id 3 was handed out and removed before the upgrade: the next highlight gets 4.
            AnnotationStore store(ws.get());
            QCOMPARE(store.addHighlight(AnnotationStore::makeHighlight(1, ws->articleBody(1), 11, 17)), 4);
            // The rebuilt table still cascades: removing the article takes its highlights and links.
            QVERIFY(q.exec(QStringLiteral("DELETE FROM articles WHERE id = 1")));
            QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM highlights) + (SELECT count(*) FROM "
                                          "appearances)"))
                    && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        QCOMPARE(queryValue(file + QStringLiteral(".v5.backup"), QStringLiteral("PRAGMA user_version")).toInt(), 5);
    }

    // A row that already pointed at nothing before an upgrade is not the upgrade's doing: the file
    // still opens (refusing would lock the reader out of it for good).
    void upgradeToleratesADanglingRowItDidNotMake()
    {
        const QString file = path(QStringLiteral("v5-dangling.parallax"));
        const QString script = schemaScript(5)
            + QStringLiteral("INSERT INTO claims(id, title, created, modified) VALUES (1, 'Orphan link', 'c', "
                             "'m');\n"
                             "INSERT INTO appearances(highlight_id, claim_id) VALUES (42, 1);\n");
        QVERIFY(runSqlScript(file, script));
        QString error;
        auto ws = Workspace::open(file, &error);
        QVERIFY2(ws, qPrintable(error));
        QCOMPARE(pragmaOf(*ws, QStringLiteral("user_version")).toInt(), 6);
    }

    void failedMigrationChangesNothing()
    {
        const QString file = path(QStringLiteral("v1-conflict.parallax"));
        QVERIFY(
            runSqlScript(file, QString::fromUtf8(readFile(QStringLiteral(PARALLAX_TEST_DATA "/workspace-v1.sql")))));
        // A table in the way of step 2 makes the upgrade fail half-way through its statements.
        QVERIFY(runSqlScript(file, QStringLiteral("CREATE TABLE workspace_properties (x);\n")));
        const QByteArray before = fileDigest(file);
        QString error;
        auto ws = Workspace::open(file, &error);
        QVERIFY(!ws);
        QVERIFY2(error.contains(QStringLiteral("upgrade to format 2 failed")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("not changed")), qPrintable(error));
        QCOMPARE(fileDigest(file), before);
        QCOMPARE(queryValue(file, QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(queryValue(file,
                            QStringLiteral("SELECT count(*) FROM pragma_table_info('articles') WHERE name = "
                                           "'source_name'"))
                     .toInt(),
                 0);
    }

    void refusesNewerVersionUntouched()
    {
        const QString file = path(QStringLiteral("future.parallax"));
        {
            QString error;
            QVERIFY(Workspace::open(file, &error));
        }
        QVERIFY(runSqlScript(file, QStringLiteral("PRAGMA user_version = 99;\n")));
        const QByteArray before = fileDigest(file);
        QString error;
        QVERIFY(!Workspace::open(file, &error));
        QVERIFY2(error.contains(QStringLiteral("newer version of Parallax")), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("future.parallax")));
        QCOMPARE(fileDigest(file), before);
    }

    void refusesForeignFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << QByteArray("Just some notes\n") << QStringLiteral("not an SQLite database");
        QTest::newRow("png image") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                                   << QStringLiteral("not an SQLite database");
        QTest::newRow("header only") << QByteArray("SQLite format 3\0", 16) + QByteArray(84, '\0')
                                     << QStringLiteral("damaged");
    }

    void refusesForeignFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString file
            = path(QStringLiteral("foreign-%1.parallax").arg(QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY(writeFile(file, content));
        QString error;
        QVERIFY(!Workspace::open(file, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(readFile(file), content);
    }

    void refusesAnotherProgramsDatabase()
    {
        const QString file = path(QStringLiteral("places.sqlite"));
        QVERIFY(
            runSqlScript(file, QStringLiteral("CREATE TABLE places (url TEXT);\nINSERT INTO places VALUES ('x');\n")));
        const QByteArray before = fileDigest(file);
        QString error;
        QVERIFY(!Workspace::open(file, &error));
        QVERIFY2(error.contains(QStringLiteral("another program")), qPrintable(error));
        QCOMPARE(fileDigest(file), before);
    }

    void refusesDamagedFiles_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("garbage pages") << QStringLiteral("garbage");
        QTest::newRow("truncated") << QStringLiteral("truncate");
    }

    void refusesDamagedFiles()
    {
        QFETCH(QString, damage);
        const QString file = makeWorkspaceWithBigArticle(QStringLiteral("damaged-%1.parallax").arg(damage));
        QVERIFY(!file.isEmpty());
        QByteArray bytes = readFile(file);
        QVERIFY(bytes.size() > 8 * 4096);
        if (damage == QLatin1String("garbage")) {
            for (qsizetype i = 4096; i < 3 * 4096; ++i)
                bytes[i] = char(0xA5 ^ (i & 0xFF));
        } else {
            bytes.truncate(bytes.size() / 2);
        }
        QVERIFY(writeFile(file, bytes));
        QString error;
        QVERIFY(!Workspace::open(file, &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        QCOMPARE(readFile(file), bytes);
        // The check the window runs on a worker finds the same, and writes nothing either.
        if (damage == QLatin1String("garbage")) {
            const QString later = Workspace::checkIntegrity(file);
            QVERIFY2(later.contains(QStringLiteral("damaged")), qPrintable(later));
            QCOMPARE(readFile(file), bytes);
        }
    }

    void integrityCheckOfSoundAndMissingFiles()
    {
        const QString file = makeWorkspaceWithBigArticle(QStringLiteral("sound.parallax"));
        QVERIFY(!file.isEmpty());
        QCOMPARE(Workspace::checkIntegrity(file), QString());
        // A file that is not there is not "damaged": the next write says what happened.
        QCOMPARE(Workspace::checkIntegrity(path(QStringLiteral("nowhere.parallax"))), QString());
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("nowhere.parallax"))));
    }

    void refusesFolders()
    {
        QString error;
        QVERIFY(!Workspace::open(m_dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("folder")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(WorkspaceTest)
#include "tst_workspace.moc"
