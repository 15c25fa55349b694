// The bad-input corpus, generated here (nothing big is committed): every file goes through the
// core importer into a workspace and through `parallax import`. Each gets a correct import or a
// one-line error naming the file and the reason; after a failure the workspace file is
// byte-identical; nothing crashes. The big files print the time and memory they took (figures,
// not assertions: these machines are too noisy for timings to fail a build).
#include "importer.h"
#include "testutil.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace TestUtil;

namespace {

struct Case {
    QString fileName;
    QByteArray bytes;
    QString reason; // empty: the file must import; else a word of the expected error
    QString headline; // when it imports
    QString bodyHas; // when it imports: text the body must hold
    QStringList bodyLacks; // when it imports: text that must not reach the body
};

QByteArray repeatTo(const QByteArray &unit, qsizetype size)
{
    QByteArray out;
    out.reserve(size + unit.size());
    while (out.size() < size)
        out += unit;
    return out;
}

QList<Case> makeCorpus()
{
    QList<Case> c;
    c.append({QStringLiteral("empty.txt"), QByteArray(), QStringLiteral("empty"), {}, {}, {}});
    QByteArray noise(4096, '\0');
    for (int i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) % 256);
    c.append({QStringLiteral("noise.bin"), noise, QStringLiteral("binary data"), {}, {}, {}});
    c.append({QStringLiteral("cut.txt"), QByteArray("Head\n\nThe caf\xC3", 14), QStringLiteral("UTF-8"), {}, {}, {}});
    QStringEncoder le(QStringConverter::Utf16LE);
    c.append({QStringLiteral("utf16.txt"),
              QByteArray(le.encode(QStringLiteral("Headline\n\nA body of plain words.\n"))),
              QStringLiteral("UTF-16"),
              {},
              {},
              {}});
    c.append({QStringLiteral("latin1.txt"),
              QByteArray("Caf\xE9 society\n\nThe d\xE9j\xE0 vu of it.\n"),
              QStringLiteral("UTF-8"),
              {},
              {},
              {}});
    c.append({QStringLiteral("latin1.html"),
              QByteArray("<html><body><h1>Caf\xE9</h1><p>The d\xE9j\xE0 vu of a page.</p></body></html>"),
              QStringLiteral("UTF-8"),
              {},
              {},
              {}});
    // 50 MB: over the import limit, refused before it is read.
    c.append({QStringLiteral("huge.txt"),
              QByteArray("Huge\n\n")
                  + repeatTo("A long article says the same thing again and again, line after line.\n", 50 << 20),
              QStringLiteral("too large"),
              {},
              {},
              {}});
    // One line of 5 MB as the body: imported whole.
    c.append({QStringLiteral("longline.txt"),
              QByteArray("Long line\n\n") + repeatTo("word ", 5 << 20) + "end.\n",
              QString(),
              QStringLiteral("Long line"),
              QStringLiteral("word word end."),
              {}});
    // A 5 MB first line is no headline.
    c.append({QStringLiteral("allonline.txt"), repeatTo("word ", 5 << 20), QStringLiteral("headline"), {}, {}, {}});
    // 10,000 levels deep: no recursion may follow it.
    c.append({QStringLiteral("deep.html"),
              "<html><head><title>Deep page</title></head><body>" + repeatTo("<div>", 10000 * 5)
                  + "<p>At the bottom of ten thousand boxes, one paragraph of article text.</p>"
                  + repeatTo("</div>", 10000 * 6) + "</body></html>",
              QString(),
              QStringLiteral("Deep page"),
              QStringLiteral("one paragraph of article text"),
              {}});
    c.append({QStringLiteral("active.html"),
              "<!doctype html><html><head><title>Active page</title>"
              "<style>p { color: red } .secret-style { content: 'STYLE-RULE' }</style>"
              "<link rel=stylesheet href='http://192.0.2.1/remote.css'>"
              "<script src='http://192.0.2.1/remote.js'></script>"
              "<script>document.title = 'SCRIPT-RAN'; fetch('http://192.0.2.1/beacon');</script>"
              "</head><body><article><h1>Active page</h1>"
              "<p>The council voted on Monday to approve the harbour plan, officials said.</p>"
              "<iframe src='http://192.0.2.1/frame.html'>IFRAME-FALLBACK</iframe>"
              "<img src='http://192.0.2.1/photo.jpg' alt='' onerror=\"alert('ONERROR')\">"
              "<p style=\"background:url(http://192.0.2.1/bg.png)\">Work is to start in the spring.</p>"
              "<noscript><img src='http://192.0.2.1/pixel.gif'></noscript>"
              "<object data='http://192.0.2.1/x.swf'>OBJECT-FALLBACK</object>"
              "</article></body></html>",
              QString(),
              QStringLiteral("Active page"),
              QStringLiteral("Work is to start in the spring."),
              {QStringLiteral("SCRIPT-RAN"), QStringLiteral("STYLE-RULE"), QStringLiteral("192.0.2.1"),
               QStringLiteral("ONERROR"), QStringLiteral("IFRAME-FALLBACK"), QStringLiteral("OBJECT-FALLBACK")}});
    c.append({QStringLiteral("report.txt"),
              QByteArray("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj << >> endobj\n"),
              QStringLiteral("PDF"),
              {},
              {},
              {}});
    c.append({QStringLiteral("notes.txt"),
              QByteArray("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0", 14),
              QStringLiteral("ZIP"),
              {},
              {},
              {}});
    const QString rtl = QStringLiteral("\u05D4\u05DE\u05D5\u05E2\u05E6\u05D4 \u05D4\u05E6\u05D1\u05D9\u05E2\u05D4 "
                                       "\u0627\u0644\u0645\u062C\u0644\u0633 \u0635\u0648\u0651\u062A "
                                       "e\u0301cole\u0301 n\u0303 \u1E9B\u0323 A\u030A");
    c.append({QStringLiteral("rtl.txt"),
              (QStringLiteral("\u05DB\u05D5\u05EA\u05E8\u05EA\n\n") + rtl + u'\n').toUtf8(),
              QString(),
              QStringLiteral("\u05DB\u05D5\u05EA\u05E8\u05EA"),
              rtl,
              {}});
    const QString emoji = QStringLiteral("Flags \U0001F1FA\U0001F1E6 \U0001F1EA\U0001F1FA, a family "
                                         "\U0001F468\u200D\U0001F469\u200D\U0001F467, skin \U0001F44D\U0001F3FD, "
                                         "keycap 1\uFE0F\u20E3 and \U0001F600.");
    c.append({QStringLiteral("emoji.md"),
              (QStringLiteral("# Emoji \U0001F4F0\n\n") + emoji + u'\n').toUtf8(),
              QString(),
              QStringLiteral("Emoji \U0001F4F0"),
              emoji,
              {}});
    return c;
}

long peakRssKb(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_maxrss;
}

} // namespace

class BadInputTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_base; // a workspace holding one article, copied before each case

    QString freshWorkspace(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        return QFile::copy(m_base, path) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(QStringLiteral("base.parallax"));
        QString error;
        auto ws = Workspace::open(m_base, &error);
        QVERIFY2(ws, qPrintable(error));
        ArticleDraft d;
        d.headline = QStringLiteral("Already here");
        d.body = QStringLiteral("An article imported before the bad ones.");
        d.original = d.body.toUtf8();
        QVERIFY(ws->addArticles({d}).first().ok());
    }

    void corpus_data()
    {
        QTest::addColumn<int>("index");
        const QList<Case> all = makeCorpus();
        for (int i = 0; i < all.size(); ++i)
            QTest::newRow(qPrintable(all.at(i).fileName)) << i;
    }

    // Through the importer the window uses, then into a workspace.
    void corpus()
    {
        QFETCH(int, index);
        const Case c = makeCorpus().at(index);
        const QString file = m_dir.filePath(c.fileName);
        QVERIFY(writeFile(file, c.bytes));
        const QString path = freshWorkspace(QStringLiteral("core-%1.parallax").arg(index));
        QVERIFY(!path.isEmpty());
        const QByteArray before = fileDigest(path);

        QElapsedTimer timer;
        timer.start();
        const long rssBefore = peakRssKb(RUSAGE_SELF);
        const Importer::Result r = Importer::importFile(file);
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
            if (r.ok()) {
                const QList<Workspace::AddResult> added = ws->addArticles({r.draft});
                QVERIFY2(added.first().ok(), qPrintable(added.first().error));
                QCOMPARE(ws->articleCount(), 2);
                QCOMPARE(ws->articleOriginal(added.first().id), c.bytes);
                QCOMPARE(ws->article(added.first().id)->headline, c.headline);
                QVERIFY(ws->articleBody(added.first().id).contains(c.bodyHas));
                for (const QString &lacks : c.bodyLacks)
                    QVERIFY2(!ws->articleBody(added.first().id).contains(lacks), qPrintable(lacks));
            }
        }
        if (c.bytes.size() > (1 << 20))
            qInfo("%s: %.1f MB in %lld ms, peak memory %ld MB (%ld MB before)", qPrintable(c.fileName),
                  c.bytes.size() / 1048576.0, timer.elapsed(), peakRssKb(RUSAGE_SELF) / 1024, rssBefore / 1024);
        if (c.reason.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.error));
        } else {
            QVERIFY2(!r.ok(), "a bad file was imported");
            QVERIFY2(r.error.startsWith(c.fileName + QStringLiteral(": ")), qPrintable(r.error));
            QVERIFY2(r.error.contains(c.reason, Qt::CaseInsensitive), qPrintable(r.error));
            QCOMPARE(fileDigest(path), before);
        }
    }

    void cli_data() { corpus_data(); }

    // Through `parallax import`, a process of its own: exit status, one line, the file unchanged.
    void cli()
    {
        QFETCH(int, index);
        const Case c = makeCorpus().at(index);
        const QString file = m_dir.filePath(QStringLiteral("cli-") + c.fileName);
        QVERIFY(writeFile(file, c.bytes));
        const QString path = freshWorkspace(QStringLiteral("cli-%1.parallax").arg(index));
        const QByteArray before = fileDigest(path);
        QElapsedTimer timer;
        timer.start();
        const Run run = parallax({QStringLiteral("import"), QStringLiteral("--workspace"), path, file}, 240000);
        QVERIFY2(run.exitCode >= 0, "parallax import crashed or hung");
        if (c.bytes.size() > (1 << 20))
            qInfo("parallax import %s: %lld ms, peak memory of the commands so far %ld MB", qPrintable(c.fileName),
                  timer.elapsed(), peakRssKb(RUSAGE_CHILDREN) / 1024);
        // Sanity, not speed: no input may make an import take gigabytes.
        QVERIFY2(peakRssKb(RUSAGE_CHILDREN) < 2L * 1024 * 1024, "parallax import took more than 2 GB");
        if (c.reason.isEmpty()) {
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.out.startsWith(QFileInfo(file).fileName() + QStringLiteral(": imported as article 2")),
                     qPrintable(run.out));
            QCOMPARE(queryValue(path, QStringLiteral("SELECT count(*) FROM articles")).toInt(), 2);
            QCOMPARE(queryValue(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        } else {
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(run.out, QString());
            const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QCOMPARE(lines.size(), 1);
            QVERIFY2(lines.first().startsWith(QStringLiteral("parallax: ") + QFileInfo(file).fileName() + u':'),
                     qPrintable(lines.first()));
            QVERIFY2(lines.first().contains(c.reason, Qt::CaseInsensitive), qPrintable(lines.first()));
            QCOMPARE(fileDigest(path), before);
            QVERIFY(!QFile::exists(path + QStringLiteral("-wal"))
                    || QFileInfo(path + QStringLiteral("-wal")).size() == 0);
        }
    }
};

QTEST_GUILESS_MAIN(BadInputTest)
#include "tst_badinput.moc"
