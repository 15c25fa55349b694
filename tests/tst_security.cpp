// Security: importing a web page never reaches the network (every socket, connection and name
// lookup of `parallax import` is recorded and refused by a preloaded library, and the import is
// also run in an empty network namespace where the system allows one); an exported PDF holds no
// JavaScript, launch, open or additional actions, and no /URI but links the reader added (every
// object walked through qpdf --json).
#include "annotationstore.h"
#include "annotator.h"
#include "testutil.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace TestUtil;

namespace {

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env = {})
{
    return runProgram(program, arguments, env);
}

const QByteArray RemotePage
    = "<!doctype html><html><head><title>Remote resources everywhere</title>"
      "<base href='http://192.0.2.7/'>"
      "<meta http-equiv='refresh' content='0; url=http://192.0.2.7/redirect'>"
      "<link rel=stylesheet href='http://192.0.2.7/a.css'><link rel=icon href='http://192.0.2.7/favicon.ico'>"
      "<link rel=preload href='http://192.0.2.7/font.woff2' as=font><link rel=dns-prefetch href='//example.com'>"
      "<style>@import url('http://192.0.2.7/b.css'); body { background: url(http://192.0.2.7/bg.png) }</style>"
      "<script src='http://192.0.2.7/tracker.js'></script>"
      "<script>new Image().src = 'http://192.0.2.7/beacon'; fetch('http://192.0.2.7/xhr');</script>"
      "</head><body><article><h1>Remote resources everywhere</h1>"
      "<p>The council voted on Monday to approve the harbour plan, officials said.</p>"
      "<img src='http://192.0.2.7/photo.jpg' srcset='http://192.0.2.7/photo-2x.jpg 2x'>"
      "<picture><source srcset='http://192.0.2.7/p.webp'><img src='http://192.0.2.7/p.jpg'></picture>"
      "<iframe src='https://192.0.2.7/embed'></iframe><video poster='http://192.0.2.7/poster.jpg' "
      "src='http://192.0.2.7/v.mp4'></video><audio src='http://192.0.2.7/a.mp3'></audio>"
      "<object data='http://192.0.2.7/o.swf'></object><embed src='http://192.0.2.7/e.swf'>"
      "<p>Work is to start in the spring, the mayor said.</p>"
      "<form action='http://192.0.2.7/post'><input type=image src='http://192.0.2.7/btn.png'></form>"
      "</article></body></html>";

// Every dictionary key and name value anywhere in a qpdf --json=2 document, with /URI strings.
struct PdfScan {
    QStringList forbidden; // what was found, with where
    QStringList uris;
};

void walk(const QJsonValue &v, const QString &where, PdfScan *scan)
{
    static const QSet<QString> forbiddenKeys = {
        QStringLiteral("/JavaScript"), QStringLiteral("/JS"),       QStringLiteral("/OpenAction"),
        QStringLiteral("/AA"),         QStringLiteral("/Launch"),   QStringLiteral("/EmbeddedFiles"),
        QStringLiteral("/RichMedia"),  QStringLiteral("/AcroForm"), QStringLiteral("/XFA"),
    };
    static const QSet<QString> forbiddenActions = {
        QStringLiteral("/JavaScript"), QStringLiteral("/Launch"),
        QStringLiteral("/SubmitForm"), QStringLiteral("/ImportData"),
        QStringLiteral("/GoToR"),      QStringLiteral("/GoToE"),
        QStringLiteral("/ResetForm"),  QStringLiteral("/RichMediaExecute"),
        QStringLiteral("/Rendition"),
    };
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (forbiddenKeys.contains(it.key()))
                scan->forbidden << where + u' ' + it.key();
            if (it.key() == QLatin1String("/S") && forbiddenActions.contains(it.value().toString()))
                scan->forbidden << where + QStringLiteral(" action ") + it.value().toString();
            if (it.key() == QLatin1String("/URI"))
                scan->uris << it.value().toString().mid(2); // "u:" text
            walk(it.value(), where, scan);
        }
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            walk(item, where, scan);
    }
}

PdfScan scanPdf(const QString &pdf, QString *error)
{
    PdfScan scan;
    QProcess qpdf;
    qpdf.start(QStringLiteral("qpdf"), {QStringLiteral("--json=2"), QStringLiteral("--json-stream-data=none"), pdf});
    if (!qpdf.waitForFinished(60000)) {
        *error = QStringLiteral("qpdf did not finish");
        return scan;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(qpdf.readAllStandardOutput(), &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = QStringLiteral("qpdf --json: ") + parse.errorString();
        return scan;
    }
    const QJsonArray parts = doc.object().value(QStringLiteral("qpdf")).toArray();
    if (parts.size() < 2) {
        *error = QStringLiteral("qpdf --json has no objects");
        return scan;
    }
    const QJsonObject objects = parts.at(1).toObject();
    for (auto it = objects.begin(); it != objects.end(); ++it)
        walk(it.value(), it.key(), &scan);
    if (objects.size() < 3)
        *error = QStringLiteral("too few objects");
    return scan;
}

} // namespace

class SecurityTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QProcessEnvironment recordedEnvironment(const QString &log)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(PARALLAX_NET_RECORDER));
        env.insert(QStringLiteral("PARALLAX_NET_LOG"), log);
        // Under AddressSanitizer the recorder is preloaded ahead of the sanitizer's runtime.
        const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   (asan.isEmpty() ? QString() : asan + u':') + QStringLiteral("verify_asan_link_order=0"));
        return env;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The recorder itself works: a program that does connect is caught.
    void recorderCatchesAConnection()
    {
        const QString log = m_dir.filePath(QStringLiteral("control.log"));
        const Run r
            = run(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("exec 3<>/dev/tcp/127.0.0.1/9")},
                  recordedEnvironment(log));
        QVERIFY(r.exitCode != 0);
        // bash looks the address up first, then would open a socket: either is caught.
        QVERIFY2(!readFile(log).isEmpty(), "the recorder saw nothing");
    }

    void htmlImportMakesNoNetworkAttempt()
    {
        const QString page = m_dir.filePath(QStringLiteral("remote.html"));
        QVERIFY(writeFile(page, RemotePage));
        const QString log = m_dir.filePath(QStringLiteral("import.log"));
        const QString ws = m_dir.filePath(QStringLiteral("recorded.parallax"));
        const Run r = run(QStringLiteral(PARALLAX_BINARY), {QStringLiteral("import"), QStringLiteral("-w"), ws, page},
                          recordedEnvironment(log));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("imported as article 1")), qPrintable(r.out));
        QVERIFY2(!QFile::exists(log), readFile(log).constData());
        QCOMPARE(queryValue(ws, QStringLiteral("SELECT count(*) FROM articles WHERE body LIKE '%192.0.2.7%'")).toInt(),
                 0);
    }

    void htmlImportWorksWithoutANetwork()
    {
        if (run(QStringLiteral("unshare"), {QStringLiteral("-n"), QStringLiteral("true")}).exitCode != 0)
            QSKIP("this system does not allow an empty network namespace (unshare -n)");
        const QString page = m_dir.filePath(QStringLiteral("offline.html"));
        QVERIFY(writeFile(page, RemotePage));
        const QString ws = m_dir.filePath(QStringLiteral("offline.parallax"));
        const Run r = run(QStringLiteral("unshare"),
                          {QStringLiteral("-n"), QStringLiteral(PARALLAX_BINARY), QStringLiteral("import"),
                           QStringLiteral("-w"), ws, page});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(queryValue(ws, QStringLiteral("SELECT headline FROM articles")).toString(),
                 QStringLiteral("Remote resources everywhere"));
    }

    // The walker finds what it looks for: a hand-made PDF with an open action running JavaScript.
    void scannerFindsActions()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("bad.pdf"));
        QVERIFY(writeFile(pdf,
                          "%PDF-1.4\n"
                          "1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >> endobj\n"
                          "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                          "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Annots [5 0 R] >> endobj\n"
                          "4 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n"
                          "5 0 obj << /Type /Annot /Subtype /Link /Rect [0 0 5 5] "
                          "/A << /S /URI /URI (http://evil.example/) >> >> endobj\n"
                          "trailer << /Root 1 0 R >>\n%%EOF\n"));
        QString error;
        const PdfScan scan = scanPdf(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(scan.forbidden.join(u'\n').contains(QStringLiteral("/OpenAction")),
                 qPrintable(scan.forbidden.join(u'\n')));
        QVERIFY(scan.forbidden.join(u'\n').contains(QStringLiteral("action /JavaScript")));
        QCOMPARE(scan.uris, QStringList{QStringLiteral("http://evil.example/")});
    }

    void exportedPdfHasNoActions()
    {
        const QString ws = m_dir.filePath(QStringLiteral("export.parallax"));
        const QString evidence = QStringLiteral("https://example.org/council-minutes");
        {
            QString error;
            auto workspace = Workspace::open(ws, &error);
            QVERIFY2(workspace, qPrintable(error));
            ArticleDraft d;
            d.headline = QStringLiteral("A page that tries (/JavaScript) tricks");
            d.outlet = QStringLiteral("The Gazette");
            d.url = QStringLiteral("javascript:alert(1)");
            d.body = QStringLiteral("The council voted (/Launch /OpenAction << /S /JavaScript >>) on Monday.\n"
                                    "See http://192.0.2.7/ and javascript:alert(2) for more.");
            d.original = d.body.toUtf8();
            QVERIFY(workspace->addArticles({d}).first().ok());
            Annotator annotator(workspace.get());
            const auto link = annotator.highlightAndLink(1, 0, 16, 0, QStringLiteral("Council voted /AA (x)"));
            QVERIFY(link.ok());
            QVERIFY(annotator.setClaimNote(link.claimId, QStringLiteral("javascript:alert(3) /URI (http://x)")));
            QVERIFY(annotator.addEvidence(link.claimId, evidence, QStringLiteral("minutes")) > 0);
        }
        const QString pdf = m_dir.filePath(QStringLiteral("export.pdf"));
        const Run r = run(QStringLiteral(PARALLAX_BINARY),
                          {QStringLiteral("export"), QStringLiteral("-w"), ws, QStringLiteral("--pdf"), pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString error;
        const PdfScan scan = scanPdf(pdf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(scan.forbidden.isEmpty(), qPrintable(scan.forbidden.join(u'\n')));
        for (const QString &uri : scan.uris)
            QVERIFY2(uri == evidence, qPrintable(uri));
    }
};

QTEST_GUILESS_MAIN(SecurityTest)
#include "tst_security.moc"
