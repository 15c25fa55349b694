// Import: formats, encodings, the sample corpus kept intact, bad files refused with a reason.
#include "importer.h"
#include "testutil.h"
#include "textdecoding.h"
#include "workspace.h"

#include <QDir>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace TestUtil;

namespace {
const QString SampleDir = QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample");

QByteArray utf16(const QString &s, bool littleEndian)
{
    QStringEncoder enc(littleEndian ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
    return QByteArray(littleEndian ? "\xFF\xFE" : "\xFE\xFF", 2) + QByteArray(enc.encode(s));
}

int countOf(const QString &text, QChar c)
{
    return int(text.count(c));
}
} // namespace

class ImportTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void formats_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("outlet");
        QTest::addColumn<QString>("published");

        QTest::newRow("plain text") << QStringLiteral("a.txt")
                                    << QByteArray("Bridge closes\n\nFirst paragraph.\n\nSecond   paragraph.\n")
                                    << QStringLiteral("text") << QStringLiteral("Bridge closes")
                                    << QStringLiteral("First paragraph.\nSecond   paragraph.") << QString()
                                    << QString();
        QTest::newRow("text, CRLF") << QStringLiteral("b.txt") << QByteArray("Head\r\n\r\nOne.\r\n\r\nTwo.\r\n")
                                    << QStringLiteral("text") << QStringLiteral("Head") << QStringLiteral("One.\nTwo.")
                                    << QString() << QString();
        QTest::newRow("text, old Mac CR")
            << QStringLiteral("c.txt") << QByteArray("Head\r\rOne.\rTwo.") << QStringLiteral("text")
            << QStringLiteral("Head") << QStringLiteral("One.\nTwo.") << QString() << QString();
        QTest::newRow("text, no extension")
            << QStringLiteral("README") << QByteArray("Head\n\nBody line.") << QStringLiteral("text")
            << QStringLiteral("Head") << QStringLiteral("Body line.") << QString() << QString();
        QTest::newRow("markdown")
            << QStringLiteral("d.md")
            << QByteArray(
                   "---\ntitle: \"Ferry fares rise\"\nauthor: Sam Lee\ndate: 2024-03-01\nsource: Bay Daily\n---\n"
                   "Fares rise by **10%** on [Monday](https://example.com).\n\n"
                   "- first point\n- second point\n\n## Reactions\n\nRiders were *angry*.\n")
            << QStringLiteral("markdown") << QStringLiteral("Ferry fares rise")
            << QStringLiteral("Fares rise by 10% on Monday.\n\u2022 first point\n\u2022 second point\nReactions\n"
                              "Riders were angry.")
            << QStringLiteral("Bay Daily") << QStringLiteral("2024-03-01");
        QTest::newRow("markdown, heading as headline")
            << QStringLiteral("e.markdown") << QByteArray("# Ferry fares rise\n\nBody text.\n")
            << QStringLiteral("markdown") << QStringLiteral("Ferry fares rise") << QStringLiteral("Body text.")
            << QString() << QString();
        QTest::newRow("html")
            << QStringLiteral("f.html")
            << QByteArray("<!doctype html><html><head><title>Ferry | Bay Daily</title>"
                          "<meta property=\"og:site_name\" content=\"Bay Daily\">"
                          "<meta property=\"article:published_time\" content=\"2024-03-01T08:00:00Z\"></head>"
                          "<body><article><h1>Ferry fares rise</h1><p>Fares rise on Monday.</p>"
                          "<p>Riders were angry.</p></article></body></html>")
            << QStringLiteral("html") << QStringLiteral("Ferry fares rise")
            << QStringLiteral("Fares rise on Monday.\nRiders were angry.") << QStringLiteral("Bay Daily")
            << QStringLiteral("2024-03-01T08:00:00Z");
        QTest::newRow("html sniffed without extension")
            << QStringLiteral("page")
            << QByteArray("<!DOCTYPE html><html><body><h1>Head</h1><p>Body.</p></body></html>")
            << QStringLiteral("html") << QStringLiteral("Head") << QStringLiteral("Body.") << QString() << QString();
    }

    void formats()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, format);
        QFETCH(QString, headline);
        QFETCH(QString, body);
        QFETCH(QString, outlet);
        QFETCH(QString, published);
        const Importer::Result r = Importer::importBytes(bytes, fileName);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.draft.format, format);
        QCOMPARE(r.draft.headline, headline);
        QCOMPARE(r.draft.body, body);
        QCOMPARE(r.draft.outlet, outlet);
        QCOMPARE(r.draft.published, published);
        QCOMPARE(r.draft.original, bytes); // the original bytes are kept as they were
        QCOMPARE(r.draft.sourceName, fileName);
    }

    void encodings_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("body");

        const QString text
            = QStringLiteral("Caf\u00E9 \u201Cquotes\u201D\u00A0\u2014 \u05E9\u05DC\u05D5\u05DD \U0001F600");
        QTest::newRow("UTF-8") << QStringLiteral("a.txt") << (QStringLiteral("Head\n\n") + text).toUtf8()
                               << QStringLiteral("UTF-8") << text;
        QTest::newRow("UTF-8 with BOM") << QStringLiteral("b.txt")
                                        << QByteArray("\xEF\xBB\xBF") + (QStringLiteral("Head\n\n") + text).toUtf8()
                                        << QStringLiteral("UTF-8") << text;
        QTest::newRow("UTF-16LE with BOM")
            << QStringLiteral("c.txt") << utf16(QStringLiteral("Head\r\n\r\n") + text, true)
            << QStringLiteral("UTF-16LE") << text;
        QTest::newRow("UTF-16BE with BOM") << QStringLiteral("d.txt") << utf16(QStringLiteral("Head\n\n") + text, false)
                                           << QStringLiteral("UTF-16BE") << text;
        QTest::newRow("HTML declaring windows-1252")
            << QStringLiteral("e.html")
            << QByteArray("<html><head><meta charset=\"windows-1252\"><title>Head</title></head>"
                          "<body><p>Caf\xE9 \x93quotes\x94</p></body></html>")
            << QStringLiteral("windows-1252") << QStringLiteral("Caf\u00E9 \u201Cquotes\u201D");
        QTest::newRow("HTML declaring ISO-8859-1 by http-equiv")
            << QStringLiteral("f.html")
            << QByteArray("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                          "<title>Head</title></head><body><p>Caf\xE9</p></body></html>")
            << QStringLiteral("windows-1252") << QStringLiteral("Caf\u00E9");
        QTest::newRow("HTML declaring UTF-8")
            << QStringLiteral("g.html")
            << (QStringLiteral("<html><head><meta charset=utf-8><title>Head</title></head><body><p>") + text
                + QStringLiteral("</p></body></html>"))
                   .toUtf8()
            << QStringLiteral("UTF-8") << text;
    }

    void encodings()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, body);
        const Importer::Result r = Importer::importBytes(bytes, fileName);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.draft.encoding, encoding);
        QCOMPARE(r.draft.headline, QStringLiteral("Head"));
        QCOMPARE(r.draft.body, body);
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");

        QTest::newRow("empty") << QStringLiteral("empty.txt") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("only blanks") << QStringLiteral("blank.txt") << QByteArray(" \n\t\r\n \xC2\xA0\n")
                                     << QStringLiteral("contains no text");
        QByteArray noise(4096, '\0');
        QRandomGenerator rng(42);
        for (char &c : noise)
            c = char(rng.bounded(256));
        QTest::newRow("binary") << QStringLiteral("noise.txt") << noise << QStringLiteral("binary data");
        QTest::newRow("PDF named .txt") << QStringLiteral("report.txt")
                                        << QByteArray("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj")
                                        << QStringLiteral("PDF document");
        QTest::newRow("ZIP named .txt") << QStringLiteral("doc.txt") << QByteArray("PK\x03\x04\x14\0\0\0", 8)
                                        << QStringLiteral("ZIP archive");
        QTest::newRow("invalid UTF-8, no declaration")
            << QStringLiteral("latin1.txt") << QByteArray("Head\n\nCaf\xE9 au lait\n")
            << QStringLiteral("not valid UTF-8");
        QTest::newRow("truncated UTF-8") << QStringLiteral("cut.txt") << QByteArray("Head\n\nCaf\xC3")
                                         << QStringLiteral("not valid UTF-8");
        QTest::newRow("HTML declaring UTF-8, Latin-1 bytes")
            << QStringLiteral("liar.html") << QByteArray("<meta charset=utf-8><h1>Head</h1><p>Caf\xE9</p>")
            << QStringLiteral("declares UTF-8 but is not valid UTF-8");
        QTest::newRow("HTML declaring an unknown charset")
            << QStringLiteral("odd.html") << QByteArray("<meta charset=x-klingon><h1>Head</h1><p>Body</p>")
            << QStringLiteral("x-klingon");
        QStringEncoder le(QStringConverter::Utf16LE);
        QTest::newRow("UTF-16 without BOM")
            << QStringLiteral("nobom.txt") << QByteArray(le.encode(QStringLiteral("Head\n\nBody text here.")))
            << QStringLiteral("UTF-16 text without a byte order mark");
        QTest::newRow("UTF-16 cut in half")
            << QStringLiteral("odd16.txt") << QByteArray("\xFF\xFEH\0e", 5) << QStringLiteral("cut off");
        QTest::newRow("too large") << QStringLiteral("huge.txt")
                                   << QByteArray("Head\n\n") + QByteArray(Importer::MaxFileBytes, 'a')
                                   << QStringLiteral("too large");
        QTest::newRow("HTML without text")
            << QStringLiteral("empty.html") << QByteArray("<html><head><title>T</title></head><body></body></html>")
            << QStringLiteral("no article text");
    }

    void refusesBadFiles()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const Importer::Result r = Importer::importBytes(bytes, fileName);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(fileName + QStringLiteral(": ")), qPrintable(r.error));
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
        QVERIFY(r.draft.original.isEmpty()); // nothing of a refused file is handed on
        QVERIFY(r.draft.body.isEmpty());
    }

    void refusesFoldersAndMissingFiles()
    {
        Importer::Result r = Importer::importFile(m_dir.path());
        QVERIFY2(r.error.contains(QStringLiteral("is a folder")), qPrintable(r.error));
        r = Importer::importFile(m_dir.filePath(QStringLiteral("missing.txt")));
        QVERIFY2(r.error.startsWith(QStringLiteral("missing.txt: cannot be read")), qPrintable(r.error));
    }

    // The five real captures: every non-blank line survives, with its no-break spaces and
    // typographic quotes, and every passage of the answer key is found in the imported text.
    void sampleCorpusIsIntact()
    {
        const QStringList files = QDir(SampleDir).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 5);
        QHash<QString, QString> texts;
        int nbsps = 0;
        for (const QString &file : files) {
            const QString path = SampleDir + QLatin1Char('/') + file;
            const Importer::Result r = Importer::importFile(path);
            QVERIFY2(r.ok(), qPrintable(r.error));
            const QString original = QString::fromUtf8(readFile(path));
            const QString imported = r.draft.headline + QLatin1Char('\n') + r.draft.body;
            QCOMPARE(r.draft.headline, original.section(QLatin1Char('\n'), 0, 0));
            for (QChar c : {QChar(0x00A0), QChar(0x201C), QChar(0x201D), QChar(0x2018), QChar(0x2019)})
                QCOMPARE(countOf(imported, c), countOf(original, c));
            nbsps += countOf(imported, QChar(0x00A0));
            for (const QString &line : original.split(QLatin1Char('\n'))) {
                const QString kept = line.trimmed().isEmpty() ? QString() : line;
                QVERIFY2(kept.isEmpty() || imported.contains(kept.trimmed()), qPrintable(line));
            }
            QCOMPARE(r.draft.body.count(QLatin1Char('\n')) + 1,
                     original.split(QLatin1Char('\n')).size() - original.count(QStringLiteral("\n\n")) - 1
                         - (original.endsWith(QLatin1Char('\n')) ? 1 : 0));
            texts.insert(file, r.draft.body);
        }
        QVERIFY(nbsps > 20); // the captures are full of them; each file's count was compared above

        const QStringList key = QString::fromUtf8(readFile(QStringLiteral(PARALLAX_TEST_DATA "/claims.tsv")))
                                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(key.size(), 43); // header + 42 passages
        for (const QString &row : key.mid(1)) {
            const QStringList cols = row.split(QLatin1Char('\t'));
            QCOMPARE(cols.size(), 3);
            QVERIFY2(texts.value(cols.at(1)).count(cols.at(2)) == 1, qPrintable(row));
        }
    }

    // A batch reports per file; a refused file leaves nothing in the workspace.
    void batchIntoWorkspace()
    {
        const QString good1 = m_dir.filePath(QStringLiteral("good1.txt"));
        const QString bad = m_dir.filePath(QStringLiteral("bad.txt"));
        const QString good2 = m_dir.filePath(QStringLiteral("good2.md"));
        QVERIFY(writeFile(good1, "One\n\nBody one."));
        QVERIFY(writeFile(bad, QByteArray("Bad\n\n\xFF\xFE\xFD", 8)));
        QVERIFY(writeFile(good2, "# Two\n\nBody two."));
        QList<ArticleDraft> drafts;
        QStringList errors;
        for (const QString &p : {good1, bad, good2}) {
            Importer::Result r = Importer::importFile(p);
            r.ok() ? drafts.append(r.draft) : errors.append(r.error);
        }
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().startsWith(QStringLiteral("bad.txt: ")));
        QString error;
        auto ws = Workspace::open(m_dir.filePath(QStringLiteral("batch.parallax")), &error);
        QVERIFY(ws);
        for (const auto &r : ws->addArticles(drafts))
            QVERIFY(r.ok());
        const QList<ArticleSummary> articles = ws->articles();
        QCOMPARE(articles.size(), 2);
        QCOMPARE(articles.at(0).headline, QStringLiteral("One"));
        QCOMPARE(articles.at(1).headline, QStringLiteral("Two"));
        QCOMPARE(articles.at(1).format, QStringLiteral("markdown"));
    }

    void asyncImportKeepsOrder()
    {
        QStringList paths;
        for (int i = 0; i < 20; ++i) {
            const QString p = m_dir.filePath(QStringLiteral("async%1.txt").arg(i));
            QVERIFY(writeFile(p, QStringLiteral("Headline %1\n\nBody %1.").arg(i).toUtf8()));
            paths << p;
        }
        QFuture<Importer::Result> future = Importer::importFilesAsync(paths);
        future.waitForFinished();
        QCOMPARE(future.resultCount(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(future.resultAt(i).draft.headline, QStringLiteral("Headline %1").arg(i));
    }
};

QTEST_MAIN(ImportTest)
#include "tst_import.moc"
