// The parallax binary run headless, as a script would: exit codes, output lines, files left behind.
#include "testutil.h"
#include "workspace.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace TestUtil;

namespace {
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run parallax(const QStringList &arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // commands must not need one
    env.remove(QStringLiteral("DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PARALLAX_BINARY), arguments);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList sampleFiles()
{
    QStringList files;
    const QDir dir(QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample"));
    for (const QString &f : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        files << dir.filePath(f);
    return files;
}
} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void versionAndHelp()
    {
        Run r = parallax({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("parallax " PARALLAX_VERSION "\n"));
        r = parallax({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("import --workspace FILE ARTICLE...")));
        QVERIFY(r.out.contains(QStringLiteral("Exit status")));
        r = parallax({QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("--workspace")));
    }

    void importsTheCorpusAndReopens()
    {
        const QString ws = m_dir.filePath(QStringLiteral("corpus.parallax"));
        const QStringList files = sampleFiles();
        Run r = parallax(QStringList{QStringLiteral("import"), QStringLiteral("--workspace"), ws} + files);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        const QStringList out = lines(r.out);
        QCOMPARE(out.size(), 5);
        QVERIFY2(out.first().startsWith(QStringLiteral("01_lawsuit-time.txt: imported as article 1")),
                 qPrintable(out.first()));

        QString error;
        auto workspace = Workspace::open(ws, &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->articleCount(), 5);
        for (int i = 0; i < files.size(); ++i) {
            const ArticleSummary a = workspace->articles().at(i);
            QCOMPARE(a.sourceName, QFileInfo(files.at(i)).fileName());
            QCOMPARE(workspace->articleOriginal(a.id), readFile(files.at(i)));
        }
        workspace.reset();

        // Importing again changes nothing and says so.
        r = parallax({QStringLiteral("import"), QStringLiteral("--workspace"), ws, files.first()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("already in the workspace")), qPrintable(r.out));
    }

    void badFilesFailWithOneLineEach()
    {
        const QString ws = m_dir.filePath(QStringLiteral("mixed.parallax"));
        const QString bad = m_dir.filePath(QStringLiteral("scan.txt"));
        QVERIFY(writeFile(bad, "%PDF-1.4\n..."));
        const QString missing = m_dir.filePath(QStringLiteral("missing.html"));
        Run r = parallax({QStringLiteral("import"), QStringLiteral("-w"), ws, sampleFiles().first(), bad, missing});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(lines(r.out).size(), 1);
        const QStringList err = lines(r.err);
        QCOMPARE(err.size(), 2);
        QVERIFY2(err.at(0).startsWith(QStringLiteral("parallax: scan.txt: ")), qPrintable(err.at(0)));
        QVERIFY2(err.at(1).startsWith(QStringLiteral("parallax: missing.html: ")), qPrintable(err.at(1)));
        QString error;
        auto workspace = Workspace::open(ws, &error);
        QCOMPARE(workspace->articleCount(), 1);
    }

    void nothingImportedLeavesNoNewWorkspace()
    {
        const QString ws = m_dir.filePath(QStringLiteral("never.parallax"));
        const QString bad = m_dir.filePath(QStringLiteral("empty.txt"));
        QVERIFY(writeFile(bad, ""));
        const Run r = parallax({QStringLiteral("import"), QStringLiteral("--workspace"), ws, bad});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("empty.txt: the file is empty")));
        QVERIFY(!QFile::exists(ws));
    }

    void refusesToImportIntoANonWorkspace()
    {
        const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(notes, "my notes\n"));
        const Run r = parallax({QStringLiteral("import"), QStringLiteral("--workspace"), notes, sampleFiles().first()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(r.err.contains(QStringLiteral("not a Parallax workspace")), qPrintable(r.err));
        QCOMPARE(readFile(notes), QByteArray("my notes\n"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no workspace") << QStringList{QStringLiteral("import"), QStringLiteral("a.txt")};
        QTest::newRow("no articles") << QStringList{QStringLiteral("import"), QStringLiteral("--workspace"),
                                                    QStringLiteral("w.parallax")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("import"), QStringLiteral("--frobnicate")};
        QTest::newRow("unknown top-level option") << QStringList{QStringLiteral("--frobnicate")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run r = parallax(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith(QStringLiteral("parallax: ")));
        QVERIFY(!QFile::exists(QStringLiteral("w.parallax")));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
