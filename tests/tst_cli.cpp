// The parallax binary run headless, as a script would: exit codes, output lines, files left behind.
#include "annotationstore.h"
#include "testutil.h"
#include "workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace TestUtil;
using namespace Qt::StringLiterals;

namespace {

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

// An article whose text differs from how a quote is typed: typographic quotes, a no-break space,
// and a character outside the BMP before the quote, so code points and UTF-16 units disagree.
const QByteArray AnnotateArticle = "Musk on Microsoft\n\n"
                                   "\xF0\x9F\x98\x80 Musk wrote: \xE2\x80\x9CThey trained illegally using "
                                   "Twitter\xC2\xA0"
                                   "data. Lawsuit time.\xE2\x80\x9D on Twitter.\n\n"
                                   "Microsoft\xE2\x80\x99s Smart Campaigns tool will no longer support Twitter.\n";
const QString FirstQuote = QStringLiteral("\"They trained illegally using Twitter data. Lawsuit time.\"");
const QString SecondQuote = QStringLiteral("Microsoft's Smart\u00A0Campaigns");

int codePoints(const QString &text)
{
    return int(text.toUcs4().size());
}

// Where an exact passage is in a body: [start, end) in UTF-16 units and in code points.
struct Place {
    int start = -1;
    int end = -1;
    int startCodePoint = -1;
    int endCodePoint = -1;
};

Place place(const QString &body, const QString &passage)
{
    const int at = int(body.indexOf(passage));
    if (at < 0)
        return {};
    const int end = at + int(passage.size());
    return {at, end, codePoints(body.left(at)), codePoints(body.left(end))};
}

QString span(const Place &p)
{
    return QStringLiteral("[%1, %2)").arg(p.startCodePoint).arg(p.endCodePoint);
}
} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A new workspace holding AnnotateArticle as article 1; its body, as stored, in *body.
    bool makeWorkspace(const QString &path, QString *body)
    {
        const QString article = m_dir.filePath(QStringLiteral("annotate.txt"));
        if (!writeFile(article, AnnotateArticle))
            return false;
        if (parallax({QStringLiteral("import"), QStringLiteral("--workspace"), path, article}).exitCode != 0)
            return false;
        QString error;
        auto workspace = Workspace::open(path, &error);
        if (!workspace || workspace->articleCount() != 1)
            return false;
        *body = workspace->articleBody(1);
        return true;
    }

    Run annotate(const QString &workspace, const QStringList &arguments)
    {
        return parallax(QStringList{QStringLiteral("annotate"), QStringLiteral("--workspace"), workspace} + arguments);
    }

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
        QVERIFY(r.out.contains(QStringLiteral("annotate --workspace FILE --quote TEXT --claim TITLE")));
        QVERIFY(r.out.contains(QStringLiteral("claims --workspace FILE [--json]")));
        QVERIFY(r.out.contains(QStringLiteral("Unicode code points into the article body")));
        for (const QString &command : {QStringLiteral("annotate"), QStringLiteral("claims")}) {
            r = parallax({command, QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(QStringLiteral("code points")), qPrintable(r.out));
        }
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

    void annotateFindsTheQuoteAsTyped()
    {
        const QString ws = m_dir.filePath(QStringLiteral("annotate.parallax"));
        QString body;
        QVERIFY(makeWorkspace(ws, &body));
        // As stored: curly quotes and a no-break space where the quote was typed straight and plain.
        const Place first = place(body, u"\u201CThey trained illegally using Twitter\u00A0data. Lawsuit time.\u201D"_s);
        const Place second = place(body, u"Microsoft\u2019s Smart Campaigns"_s);
        QVERIFY(first.start >= 0);
        QVERIFY(second.start >= 0);
        QCOMPARE(first.startCodePoint, first.start - 1); // the emoji is two UTF-16 units, one code point

        Run r = annotate(
            ws, {QStringLiteral("--quote"), FirstQuote, QStringLiteral("--claim"), QStringLiteral("Lawsuit time")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QCOMPARE(lines(r.out),
                 (QStringList{QStringLiteral("claim 1 \"Lawsuit time\": created"),
                              QStringLiteral("article 1 %1: linked to claim 1 \"Lawsuit time\"").arg(span(first))}));

        // The same claim again, by its title in other letters; a no-break space typed where the text has a space.
        r = annotate(ws,
                     {QStringLiteral("--quote"), SecondQuote, QStringLiteral("--claim"), QStringLiteral("LAWSUIT TIME"),
                      QStringLiteral("--wording"), QStringLiteral("paraphrase")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lines(r.out),
                 (QStringList{QStringLiteral("article 1 %1: linked to claim 1 \"Lawsuit time\"").arg(span(second))}));

        // Status and note on a passage already linked: nothing doubled.
        r = annotate(ws,
                     {QStringLiteral("--quote"), FirstQuote, QStringLiteral("--claim"), QStringLiteral("lawsuit time"),
                      QStringLiteral("--status"), QStringLiteral("needs check"), QStringLiteral("--note"),
                      QStringLiteral("No evidence offered")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(
            lines(r.out),
            (QStringList{QStringLiteral("article 1 %1: already linked to claim 1 \"Lawsuit time\"").arg(span(first)),
                         QStringLiteral("claim 1 \"Lawsuit time\": status set to needs check"),
                         QStringLiteral("claim 1 \"Lawsuit time\": note set")}));

        QString error;
        auto workspace = Workspace::open(ws, &error);
        QVERIFY2(workspace, qPrintable(error));
        const AnnotationStore store(workspace.get());
        QCOMPARE(store.claims().size(), 1);
        const Claim claim = store.claims().first();
        QCOMPARE(claim.title, QStringLiteral("Lawsuit time"));
        QCOMPARE(claim.statusTag, Status::NeedsCheck);
        QCOMPARE(claim.note, QStringLiteral("No evidence offered"));
        const QList<Highlight> highlights = store.highlightsOf(1);
        QCOMPARE(highlights.size(), 2);
        // Stored in UTF-16 units, holding the text exactly as the article has it.
        QCOMPARE(highlights.at(0).start, first.start);
        QCOMPARE(highlights.at(0).end, first.end);
        QCOMPARE(highlights.at(0).quote, body.mid(first.start, first.end - first.start));
        QCOMPARE(highlights.at(1).start, second.start);
        QCOMPARE(highlights.at(1).end, second.end);
        const QList<Appearance> appearances = store.appearancesOfClaim(claim.id);
        QCOMPARE(appearances.size(), 2);
        QCOMPARE(appearances.at(0).wording, Wording::Stated);
        QCOMPARE(appearances.at(1).wording, Wording::Paraphrase);
    }

    void annotateStatusNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("status");
        QTest::newRow("unsupported") << QStringLiteral("unsupported") << Status::Unsupported;
        QTest::newRow("supported") << QStringLiteral("supported") << Status::Supported;
        QTest::newRow("disputed") << QStringLiteral("disputed") << Status::Disputed;
        QTest::newRow("needs check") << QStringLiteral("needs check") << Status::NeedsCheck;
        QTest::newRow("needs-check") << QStringLiteral("needs-check") << Status::NeedsCheck;
        QTest::newRow("capitals") << QStringLiteral("Disputed") << Status::Disputed;
    }

    void annotateStatusNames()
    {
        QFETCH(QString, name);
        QFETCH(qint64, status);
        const QString ws
            = m_dir.filePath(QStringLiteral("status-%1.parallax").arg(QString::fromLatin1(QTest::currentDataTag())));
        QString body;
        QVERIFY(makeWorkspace(ws, &body));
        const Run r = annotate(ws,
                               {QStringLiteral("-q"), QStringLiteral("Lawsuit time."), QStringLiteral("-c"),
                                QStringLiteral("Short"), QStringLiteral("--status"), name});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lines(r.out).size(), 3); // created, linked, status set
        QCOMPARE(queryValue(ws, QStringLiteral("SELECT status_tag FROM claims")).toLongLong(), status);
    }

    void annotateFindingNothingChangesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("nowhere") << QStringList{QStringLiteral("--quote"), QStringLiteral("Lawsuit time!")}
                                 << QStringLiteral("not found in any article");
        QTest::newRow("case differs") << QStringList{QStringLiteral("--quote"), QStringLiteral("lawsuit time.")}
                                      << QStringLiteral("not found in any article");
        QTest::newRow("not in that article") << QStringList{QStringLiteral("--quote"), QStringLiteral("Lawsuit!"),
                                                            QStringLiteral("--article"), QStringLiteral("1")}
                                             << QStringLiteral("not found in article 1");
        QTest::newRow("no such article") << QStringList{QStringLiteral("--quote"), QStringLiteral("Lawsuit time."),
                                                        QStringLiteral("--article"), QStringLiteral("7")}
                                         << QStringLiteral("no article 7");
    }

    void annotateFindingNothingChangesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString ws = m_dir.filePath(QStringLiteral("unchanged.parallax"));
        if (!QFile::exists(ws)) {
            QString body;
            QVERIFY(makeWorkspace(ws, &body));
            QCOMPARE(annotate(ws,
                              {QStringLiteral("--quote"), FirstQuote, QStringLiteral("--claim"),
                               QStringLiteral("Lawsuit time")})
                         .exitCode,
                     0);
        }
        const QString state = QStringLiteral(
            "SELECT (SELECT count(*) FROM highlights) || '/' || (SELECT count(*) FROM appearances) || '/' || "
            "(SELECT group_concat(title || ':' || ifnull(status_tag, '') || ':' || note || ':' || modified, '|') "
            "FROM claims)");
        const QString before = queryValue(ws, state).toString();
        QVERIFY(before.startsWith(QStringLiteral("1/1/")));
        const Run r = annotate(ws,
                               arguments
                                   + QStringList{QStringLiteral("--claim"), QStringLiteral("New claim"),
                                                 QStringLiteral("--status"), QStringLiteral("disputed"),
                                                 QStringLiteral("--note"), QStringLiteral("n")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("parallax: ")) && r.err.contains(message), qPrintable(r.err));
        QCOMPARE(queryValue(ws, state).toString(), before);
    }

    void missingWorkspaceIsNotCreated_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("annotate") << QStringList{QStringLiteral("annotate"), QStringLiteral("--quote"),
                                                 QStringLiteral("x"), QStringLiteral("--claim"), QStringLiteral("y")};
        QTest::newRow("claims") << QStringList{QStringLiteral("claims")};
        QTest::newRow("claims --json") << QStringList{QStringLiteral("claims"), QStringLiteral("--json")};
    }

    void missingWorkspaceIsNotCreated()
    {
        QFETCH(QStringList, arguments);
        const QString ws = m_dir.filePath(QStringLiteral("absent.parallax"));
        const Run r = parallax(arguments + QStringList{QStringLiteral("--workspace"), ws});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(lines(r.err), QStringList{QStringLiteral("parallax: %1: no such workspace").arg(ws)});
        QVERIFY(!QFile::exists(ws));
    }

    void claimsAsJson()
    {
        const QString ws = m_dir.filePath(QStringLiteral("claims.parallax"));
        QString body;
        QVERIFY(makeWorkspace(ws, &body));
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("-q"), FirstQuote, QStringLiteral("-c"), QStringLiteral("Lawsuit time"),
                          QStringLiteral("-s"), QStringLiteral("unsupported"), QStringLiteral("-n"),
                          QStringLiteral("A tweet")},
              QStringList{QStringLiteral("-q"), SecondQuote, QStringLiteral("-c"), QStringLiteral("lawsuit time"),
                          QStringLiteral("-k"), QStringLiteral("paraphrase")},
              QStringList{QStringLiteral("-q"), QStringLiteral("no longer support Twitter"), QStringLiteral("-c"),
                          QStringLiteral("Drops Twitter")}}) {
            const Run r = annotate(ws, arguments);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        const Place first = place(body, u"\u201CThey trained illegally using Twitter\u00A0data. Lawsuit time.\u201D"_s);
        const Place second = place(body, u"Microsoft\u2019s Smart Campaigns"_s);
        const Place third = place(body, u"no longer support Twitter"_s);

        const Run r = parallax({QStringLiteral("claims"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));

        QString error;
        QString title;
        {
            auto workspace = Workspace::open(ws, &error);
            QVERIFY2(workspace, qPrintable(error));
            title = workspace->title();
        }
        QCOMPARE(json[u"workspace"_s].toString(), title);
        const QJsonArray articles = json[u"articles"_s].toArray();
        QCOMPARE(articles.size(), 1);
        QCOMPARE(articles.at(0)[u"id"_s].toInteger(), 1);
        QCOMPARE(articles.at(0)[u"headline"_s].toString(), QStringLiteral("Musk on Microsoft"));
        QCOMPARE(articles.at(0)[u"source"_s].toString(), QStringLiteral("annotate.txt"));
        QVERIFY(articles.at(0)[u"outlet"_s].isString());

        const QJsonArray claims = json[u"claims"_s].toArray();
        QCOMPARE(claims.size(), 2);
        const QJsonObject lawsuit = claims.at(0).toObject();
        QCOMPARE(lawsuit[u"id"_s].toInteger(), 1);
        QCOMPARE(lawsuit[u"title"_s].toString(), QStringLiteral("Lawsuit time"));
        QCOMPARE(lawsuit[u"status"_s].toString(), QStringLiteral("unsupported"));
        QCOMPARE(lawsuit[u"tags"_s].toArray(), QJsonArray());
        QCOMPARE(lawsuit[u"note"_s].toString(), QStringLiteral("A tweet"));
        QCOMPARE(lawsuit[u"evidence"_s].toArray(), QJsonArray());
        const QJsonArray appearances = lawsuit[u"appearances"_s].toArray();
        QCOMPARE(appearances.size(), 2);
        const QJsonObject a = appearances.at(0).toObject();
        QCOMPARE(a[u"article"_s].toInteger(), 1);
        QCOMPARE(a[u"headline"_s].toString(), QStringLiteral("Musk on Microsoft"));
        QVERIFY(a[u"outlet"_s].isString());
        // Code points, not UTF-16 units: the emoji before the quote counts once.
        QCOMPARE(a[u"start"_s].toInt(), first.startCodePoint);
        QCOMPARE(a[u"end"_s].toInt(), first.endCodePoint);
        QCOMPARE(a[u"start"_s].toInt(), first.start - 1);
        QCOMPARE(a[u"text"_s].toString(), body.mid(first.start, first.end - first.start));
        QCOMPARE(a[u"wording"_s].toString(), QStringLiteral("stated"));
        QVERIFY(a[u"highlight"_s].toInteger() > 0);
        QCOMPARE(a[u"orphaned"_s].toBool(true), false);
        const QJsonObject b = appearances.at(1).toObject();
        QCOMPARE(b[u"start"_s].toInt(), second.startCodePoint);
        QCOMPARE(b[u"end"_s].toInt(), second.endCodePoint);
        QCOMPARE(b[u"wording"_s].toString(), QStringLiteral("paraphrase"));
        QVERIFY(b[u"highlight"_s].toInteger() != a[u"highlight"_s].toInteger());

        const QJsonObject drops = claims.at(1).toObject();
        QCOMPARE(drops[u"title"_s].toString(), QStringLiteral("Drops Twitter"));
        QVERIFY(drops[u"status"_s].isNull());
        QCOMPARE(drops[u"appearances"_s].toArray().size(), 1);
        QCOMPARE(drops[u"appearances"_s][0][u"start"_s].toInt(), third.startCodePoint);

        const QJsonObject coverage = json[u"coverage"_s].toObject();
        QCOMPARE(coverage[u"articles"_s].toArray(), QJsonArray{1});
        const QJsonArray rows = coverage[u"rows"_s].toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0)[u"claim"_s].toInteger(), 1);
        QCOMPARE(rows.at(0)[u"cells"_s].toArray(),
                 (QJsonArray{QJsonArray{QStringLiteral("stated"), QStringLiteral("paraphrase")}}));
        QCOMPARE(rows.at(0)[u"reported_by"_s].toInt(), 1);
        QCOMPARE(rows.at(1)[u"claim"_s].toInteger(), drops[u"id"_s].toInteger());
        QCOMPARE(rows.at(1)[u"cells"_s].toArray(), (QJsonArray{QJsonArray{QStringLiteral("stated")}}));

        // The same as readable text.
        const Run text = parallax({QStringLiteral("claims"), QStringLiteral("--workspace"), ws});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("1. \"Lawsuit time\" \u2014 unsupported")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("article 1 %1 paraphrase: ").arg(span(second))),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("reported by 1 of 1 articles")), qPrintable(text.out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no workspace") << QStringList{QStringLiteral("import"), QStringLiteral("a.txt")};
        QTest::newRow("no articles") << QStringList{QStringLiteral("import"), QStringLiteral("--workspace"),
                                                    QStringLiteral("w.parallax")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("import"), QStringLiteral("--frobnicate")};
        QTest::newRow("unknown top-level option") << QStringList{QStringLiteral("--frobnicate")};
        const QString w = QStringLiteral("w.parallax");
        QTest::newRow("annotate without a quote") << QStringList{QStringLiteral("annotate"), QStringLiteral("-w"), w,
                                                                 QStringLiteral("-c"), QStringLiteral("x")};
        QTest::newRow("annotate without a claim") << QStringList{QStringLiteral("annotate"), QStringLiteral("-w"), w,
                                                                 QStringLiteral("-q"), QStringLiteral("x")};
        QTest::newRow("annotate without a workspace")
            << QStringList{QStringLiteral("annotate"), QStringLiteral("-q"), QStringLiteral("x"), QStringLiteral("-c"),
                           QStringLiteral("y")};
        QTest::newRow("annotate with an unknown status")
            << QStringList{QStringLiteral("annotate"), QStringLiteral("-w"),       w,
                           QStringLiteral("-q"),       QStringLiteral("x"),        QStringLiteral("-c"),
                           QStringLiteral("y"),        QStringLiteral("--status"), QStringLiteral("true")};
        QTest::newRow("annotate with an unknown wording")
            << QStringList{QStringLiteral("annotate"), QStringLiteral("-w"),        w,
                           QStringLiteral("-q"),       QStringLiteral("x"),         QStringLiteral("-c"),
                           QStringLiteral("y"),        QStringLiteral("--wording"), QStringLiteral("loud")};
        QTest::newRow("annotate with a bad article id")
            << QStringList{QStringLiteral("annotate"), QStringLiteral("-w"),        w,
                           QStringLiteral("-q"),       QStringLiteral("x"),         QStringLiteral("-c"),
                           QStringLiteral("y"),        QStringLiteral("--article"), QStringLiteral("first")};
        QTest::newRow("claims without a workspace") << QStringList{QStringLiteral("claims"), QStringLiteral("--json")};
        QTest::newRow("claims with an argument")
            << QStringList{QStringLiteral("claims"), QStringLiteral("-w"), w, QStringLiteral("extra")};
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
