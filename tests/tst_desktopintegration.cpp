// What the package gives the desktop, checked with the desktop's own machinery: the workspace MIME
// type as shared-mime-info compiles it and QMimeDatabase reads it (by name, and by the SQLite
// header with Parallax's application id whatever the name), the launcher entry that opens such
// files, and a man page that documents the same commands and options as --help.

#include "workspace.h"

#include "testutil.h"

#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString WorkspaceType = QStringLiteral("application/x-parallax-workspace");

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString run(const QStringList &arguments, int *exitCode = nullptr)
{
    const TestUtil::Run r = TestUtil::parallax(arguments, 30000);
    if (exitCode)
        *exitCode = r.exitCode;
    return r.out;
}

// The long options a --help text lists under "Options:", or a man page section's .TP tags.
QSet<QString> longOptions(const QString &text)
{
    QSet<QString> options;
    static const QRegularExpression option(QStringLiteral("(?<![\\w-])--([a-z][a-z-]*)"));
    for (auto it = option.globalMatch(text); it.hasNext();)
        options.insert(it.next().captured(1));
    return options;
}

// Man page source → {section or subsection name → the option tags (.TP lines) in it}.
QHash<QString, QSet<QString>> manOptions(const QString &man)
{
    QHash<QString, QSet<QString>> sections;
    QString current;
    bool tag = false;
    for (QString line : man.split(QLatin1Char('\n'))) {
        line.replace(QLatin1String("\\-"), QLatin1String("-"));
        if (line.startsWith(QLatin1String(".SH ")) || line.startsWith(QLatin1String(".SS "))) {
            current = line.mid(4).trimmed();
            sections[current];
        } else if (tag) {
            sections[current].unite(longOptions(line));
        }
        tag = line.startsWith(QLatin1String(".TP"));
    }
    return sections;
}

QSet<QString> withoutHelp(QSet<QString> options)
{
    options.remove(QStringLiteral("help"));
    options.remove(QStringLiteral("help-all"));
    return options;
}

} // namespace

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;

private slots:
    void initTestCase()
    {
        // The MIME package compiled by update-mime-database, as the package's trigger does, into a
        // data directory of its own in front of the system's.
        QVERIFY(m_data.isValid());
        const QString packages = m_data.filePath(QStringLiteral("mime/packages"));
        QVERIFY(QDir().mkpath(packages));
        QVERIFY(QFile::copy(QStringLiteral(PARALLAX_SOURCE_DIR "/desktop/parallax-workspace.xml"),
                            packages + QStringLiteral("/" PARALLAX_APP_ID ".xml")));
        QProcess update;
        update.start(QStringLiteral("update-mime-database"), {m_data.filePath(QStringLiteral("mime"))});
        QVERIFY2(update.waitForFinished(60000), "update-mime-database did not run");
        QVERIFY2(update.exitCode() == 0, update.readAllStandardError().constData());
        QVERIFY(QFile::exists(m_data.filePath(QStringLiteral("mime/mime.cache"))));
        qputenv("XDG_DATA_DIRS", (m_data.path() + QStringLiteral(":/usr/local/share:/usr/share")).toLocal8Bit());
        QVERIFY2(QMimeDatabase().mimeTypeForName(WorkspaceType).isValid(), "the MIME type was not loaded");
    }

    void typeIsASqliteDatabase()
    {
        const QMimeType type = QMimeDatabase().mimeTypeForName(WorkspaceType);
        QCOMPARE(type.comment(), QStringLiteral("Parallax workspace"));
        QVERIFY(type.inherits(QStringLiteral("application/vnd.sqlite3")));
        QCOMPARE(type.globPatterns(), QStringList{QStringLiteral("*.parallax")});
    }

    void workspaceFoundByName()
    {
        QCOMPARE(QMimeDatabase()
                     .mimeTypeForFile(QStringLiteral("/nowhere/Story.parallax"), QMimeDatabase::MatchExtension)
                     .name(),
                 WorkspaceType);
    }

    // A real workspace under a name that says nothing: only its header can tell.
    void workspaceFoundByContent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("story.backup"));
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
        }
        QMimeDatabase db;
        QCOMPARE(db.mimeTypeForFile(path, QMimeDatabase::MatchContent).name(), WorkspaceType);
        QCOMPARE(db.mimeTypeForFile(path).name(), WorkspaceType);
    }

    // Another SQLite database (application id 0, or someone else's) is not a workspace, even when
    // named like one.
    void otherDatabasesAreNot_data()
    {
        QTest::addColumn<int>("applicationId");
        QTest::newRow("no application id") << 0;
        QTest::newRow("another application") << 0x4d504247;
        QTest::newRow("one bit off") << (0x50524C58 ^ 1);
    }
    void otherDatabasesAreNot()
    {
        QFETCH(int, applicationId);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.parallax"));
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            sql.setDatabaseName(path);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(applicationId)));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x)")));
            sql.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const QMimeType type = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent);
        QCOMPARE(type.name(), QStringLiteral("application/vnd.sqlite3"));
    }

    void desktopEntryOpensWorkspaces()
    {
        const QString entry = readText(QStringLiteral(PARALLAX_DESKTOP_FILE));
        QVERIFY(!entry.isEmpty());
        const QStringList lines = entry.split(QLatin1Char('\n'));
        auto value = [&](const QString &key) {
            for (const QString &line : lines) {
                if (line.startsWith(key + QLatin1Char('=')))
                    return line.mid(key.size() + 1);
            }
            return QString();
        };
        QVERIFY(value(QStringLiteral("MimeType")).split(QLatin1Char(';')).contains(WorkspaceType));
        QCOMPARE(value(QStringLiteral("Exec")), QStringLiteral("parallax %f"));
        QCOMPARE(value(QStringLiteral("Icon")), QStringLiteral(PARALLAX_APP_ID));
        // The metainfo names the same entry and says it handles the type.
        const QString metainfo = readText(QStringLiteral(PARALLAX_METAINFO_FILE));
        QVERIFY(metainfo.contains(QStringLiteral("<launchable type=\"desktop-id\">" PARALLAX_APP_ID ".desktop<")));
        QVERIFY(metainfo.contains(QStringLiteral("<mediatype>") + WorkspaceType));
    }

    // The man page has a section for every command --help lists, no other, and each lists the
    // options the command's own --help does.
    void manPageMatchesHelp()
    {
        const QString man = readText(QStringLiteral(PARALLAX_SOURCE_DIR "/docs/parallax.1"));
        QVERIFY(!man.isEmpty());
        const QHash<QString, QSet<QString>> sections = manOptions(man);

        int exit = -1;
        const QString help = run({QStringLiteral("--help")}, &exit);
        QCOMPARE(exit, 0);
        const qsizetype commandsAt = help.indexOf(QLatin1String("\nCommands:\n"));
        const qsizetype commandsEnd = help.indexOf(QLatin1String("\n\n"), commandsAt + 1);
        QVERIFY(commandsAt > 0 && commandsEnd > commandsAt);
        QSet<QString> commands;
        static const QRegularExpression commandLine(QStringLiteral("^  ([a-z]+) "),
                                                    QRegularExpression::MultilineOption);
        for (auto it = commandLine.globalMatch(help.mid(commandsAt, commandsEnd - commandsAt)); it.hasNext();)
            commands.insert(it.next().captured(1));
        QVERIFY(commands.size() >= 5);

        QSet<QString> manCommands;
        bool inCommands = false;
        for (const QString &line : man.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String(".SH ")))
                inCommands = line == QLatin1String(".SH COMMANDS");
            else if (inCommands && line.startsWith(QLatin1String(".SS ")))
                manCommands.insert(line.mid(4).trimmed());
        }
        QCOMPARE(manCommands, commands);

        for (const QString &command : std::as_const(commands)) {
            const QString commandHelp = run({command, QStringLiteral("--help")}, &exit);
            QCOMPARE(exit, 0);
            const QString options = commandHelp.mid(commandHelp.indexOf(QLatin1String("\nOptions:\n")));
            QVERIFY2(options.size() > 10, qPrintable(command));
            QCOMPARE(sections.value(command), withoutHelp(longOptions(options)));
        }

        // The program's own options, and the version in the page's title line.
        const QString ownOptions = help.mid(help.indexOf(QLatin1String("\nOptions:\n")));
        QSet<QString> expected = longOptions(ownOptions) + QSet<QString>{QStringLiteral("sample")};
        QCOMPARE(sections.value(QStringLiteral("OPTIONS")), expected);
        const QString version = run({QStringLiteral("--version")}).trimmed().section(QLatin1Char(' '), -1);
        QVERIFY(!version.isEmpty());
        QVERIFY2(man.section(QLatin1Char('\n'), 0, 5).contains(QStringLiteral("\"Parallax %1\"").arg(version)),
                 "the man page's .TH names another version");
    }
};

QTEST_GUILESS_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
