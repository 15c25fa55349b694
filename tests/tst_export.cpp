// The exports of the sample story annotated from the answer key (tests/data/claims.tsv), checked
// with the tools an editor's machine has: qpdf, poppler (pdftotext, pdftoppm, poppler-qt6).
#include "annotationstore.h"
#include "annotator.h"
#include "export/pdfexport.h"
#include "export/reports.h"
#include "export/webannotation.h"
#include "samplestory.h"
#include "testutil.h"
#include "workspace.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <poppler-qt6.h>

using namespace Qt::StringLiterals;

namespace {

TestUtil::Run tool(const QString &program, const QStringList &arguments)
{
    return TestUtil::runProgram(program, arguments);
}

QString letters(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out += c;
    }
    return out;
}

struct Word {
    QRectF box; // points, from the top left corner of the page
    QString text;
};

// pdftotext -bbox-layout: the words of each page with their boxes.
QList<QList<Word>> wordsOf(const QString &pdf)
{
    const TestUtil::Run r = tool(u"pdftotext"_s, {u"-bbox-layout"_s, pdf, u"-"_s});
    QList<QList<Word>> pages;
    QXmlStreamReader xml(r.outBytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "page"_L1) {
            pages.append(QList<Word>());
        } else if (xml.name() == "word"_L1) {
            const auto at = [&](const char *name) { return xml.attributes().value(QLatin1String(name)).toDouble(); };
            const QRectF box(QPointF(at("xMin"), at("yMin")), QPointF(at("xMax"), at("yMax")));
            pages.last().append({box, xml.readElementText()});
        }
    }
    return pages;
}

struct Found {
    int page = 0;
    QString contents;
    QString author;
    QString name;
    QList<QRectF> quads; // points, top left origin
    QColor colour;
};

} // namespace

class ExportTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<Annotator> m_annotator;
    Export::Snapshot m_snapshot;
    QString m_pdf;
    QList<Found> m_found;
    int m_keyRows = 0;
    QHash<QString, qint64> m_articleOf; // source file -> article

    qint64 claimId(const QString &title) const { return m_annotator->store()->claimByTitle(title)->id; }

    void annotateFromKey()
    {
        QFile f(QStringLiteral(PARALLAX_TEST_DATA "/claims.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines.mid(1)) {
            const QStringList fields = line.split(u'\t');
            QCOMPARE(fields.size(), 3);
            const qint64 article = m_articleOf.value(fields.at(1));
            QVERIFY2(article > 0, qPrintable(fields.at(1)));
            const QString body = m_ws->articleBody(article);
            const int at = int(body.indexOf(fields.at(2)));
            QVERIFY2(at >= 0, qPrintable(fields.at(2)));
            const std::optional<Claim> claim = m_annotator->store()->claimByTitle(fields.at(0));
            const Annotator::Link link = m_annotator->highlightAndLink(
                article, at, at + int(fields.at(2).size()), claim ? claim->id : 0, fields.at(0),
                fields.at(0).endsWith("-quote"_L1) ? Wording::Verbatim : Wording::Stated);
            QVERIFY2(link.ok(), qPrintable(m_annotator->lastError()));
            ++m_keyRows;
        }
        QCOMPARE(m_keyRows, 42);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const QString path = m_dir.filePath(u"sample.parallax"_s);
        QVERIFY2(SampleStory::create(path, &error), qPrintable(error));
        m_ws = Workspace::open(path, &error);
        QVERIFY2(m_ws, qPrintable(error));
        for (const ArticleSummary &a : m_ws->articles())
            m_articleOf.insert(a.sourceName, a.id);
        QCOMPARE(m_articleOf.size(), 5);
        m_annotator = std::make_unique<Annotator>(m_ws.get());
        annotateFromKey();
        if (QTest::currentTestFailed())
            return;
        // What a reader adds beyond the key: statuses, a note, tags, evidence, a highlight note.
        Annotator &a = *m_annotator;
        QVERIFY(a.setStatus(claimId(u"lawsuit-quote"_s), Status::Unsupported));
        QVERIFY(a.setClaimNote(claimId(u"lawsuit-quote"_s), u"Only a tweet, \"Lawsuit time\"; no filing found"_s));
        QVERIFY(a.setStatus(claimId(u"illegal-training"_s), Status::Disputed));
        QVERIFY(a.setStatus(claimId(u"smart-campaigns-quote"_s), Status::Supported));
        const qint64 legal = a.store()->addTag(u"legal"_s, QColor(0x33, 0x99, 0xcc));
        QVERIFY(legal > 0);
        QVERIFY(a.setClaimTags(claimId(u"refused-api-fees"_s), {legal}));
        QVERIFY(a.addEvidence(claimId(u"smart-campaigns-quote"_s), u"https://example.invalid/microsoft-notice"_s,
                              u"Microsoft's notice"_s));
        const Highlight first = a.store()->highlightsOf(m_articleOf.value(u"05_benzinga.txt"_s)).first();
        QVERIFY(a.setHighlightNote(first.id, u"Benzinga, line 1"_s));
        m_snapshot = Export::Snapshot::read(*m_ws, *a.store());

        m_pdf = m_dir.filePath(u"dossier.pdf"_s);
        Export::PdfOptions options;
        options.author = u"Test Reader"_s;
        const Export::Result result = Export::writePdf(m_snapshot, m_pdf, options);
        QVERIFY2(result.ok(), qPrintable(result.error));

        const auto doc = Poppler::Document::load(m_pdf);
        QVERIFY(doc);
        for (int i = 0; i < doc->numPages(); ++i) {
            const auto page = doc->page(i);
            const QSizeF size = page->pageSizeF();
            for (const auto &annotation : page->annotations()) {
                if (annotation->subType() != Poppler::Annotation::AHighlight)
                    continue;
                const auto *h = static_cast<const Poppler::HighlightAnnotation *>(annotation.get());
                Found f{i, h->contents(), h->author(), h->uniqueName(), {}, h->style().color()};
                for (const Poppler::HighlightAnnotation::Quad &q : h->highlightQuads()) {
                    double left = 1, top = 1, right = 0, bottom = 0;
                    for (const QPointF &p : q.points) {
                        left = std::min(left, p.x());
                        right = std::max(right, p.x());
                        top = std::min(top, p.y());
                        bottom = std::max(bottom, p.y());
                    }
                    // Poppler gives the corners as fractions of the page, from its top left corner.
                    f.quads.append(QRectF(QPointF(left * size.width(), top * size.height()),
                                          QPointF(right * size.width(), bottom * size.height())));
                }
                m_found.append(f);
            }
        }
    }

    void pdfPassesQpdfCheck()
    {
        const TestUtil::Run r = tool(u"qpdf"_s, {u"--check"_s, m_pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY(r.outBytes.contains("No syntax or stream encoding errors"));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    void pdfTextHasEveryArticleInOrder()
    {
        const TestUtil::Run r = tool(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, m_pdf, u"-"_s});
        QCOMPARE(r.exitCode, 0);
        // Page numbers stand alone on the last line of each page.
        QString text = r.out;
        text.remove(QRegularExpression(u"^\\d+\\s*\\f"_s, QRegularExpression::MultilineOption));
        // pdftotext joins a line that ends in a hyphen to the next one, and drops the hyphen; compare
        // letters and digits, which still must all be there, in order.
        text = letters(text);
        QVERIFY2(!text.contains(QChar(0xFB01)), "ligatures make the text unsearchable");
        qsizetype at = 0;
        for (const Export::ArticleData &a : std::as_const(m_snapshot.articles)) {
            const qsizetype headline = text.indexOf(letters(a.summary.headline), at);
            QVERIFY2(headline >= 0, qPrintable(a.summary.headline));
            at = headline;
            for (const QString &p : a.body.split(u'\n', Qt::SkipEmptyParts)) {
                const qsizetype found = text.indexOf(letters(p), at);
                QVERIFY2(found >= 0,
                         qPrintable(u"%1: paragraph missing or out of order: %2"_s.arg(a.summary.sourceName, p)));
                at = found + letters(p).size();
            }
        }
    }

    void everyHighlightIsAnAnnotation()
    {
        // No passage of the sample crosses a page: one annotation per highlight.
        QCOMPARE(m_found.size(), m_snapshot.highlights.size());
        QCOMPARE(m_found.size(), m_keyRows);
        QSet<QString> names;
        for (const Found &f : std::as_const(m_found)) {
            QCOMPARE(f.author, u"Test Reader"_s);
            QVERIFY(!f.quads.isEmpty());
            names.insert(f.name);
        }
        QCOMPARE(names.size(), m_found.size());
    }

    void annotationContents()
    {
        // The unsupported claim, in the first article: its title marked, status, note, and the
        // three other outlets that report it, in the order of the articles.
        const Highlight *h = nullptr;
        for (const Highlight &candidate : std::as_const(m_snapshot.highlights)) {
            if (candidate.articleId == m_articleOf.value(u"01_lawsuit-time.txt"_s)
                && candidate.quote.startsWith("They trained illegally"_L1))
                h = &candidate;
        }
        QVERIFY(h);
        const QString name = u"parallax-highlight-%1-"_s.arg(h->id);
        const auto it
            = std::find_if(m_found.cbegin(), m_found.cend(), [&](const Found &f) { return f.name.startsWith(name); });
        QVERIFY(it != m_found.cend());
        QCOMPARE(it->contents,
                 u"UNSUPPORTED: lawsuit-quote\nStatus: unsupported\nWording: verbatim quote\n"
                 "Note: Only a tweet, \"Lawsuit time\"; no filing found\n"
                 "Also reported by: Unnamed tech site (02), Evoclique, Benzinga"_s);
        QCOMPARE(it->colour.name(), u"#d9534f"_s);

        int notes = 0, disputed = 0, tagged = 0;
        for (const Found &f : std::as_const(m_found)) {
            notes += f.contents.contains("Highlight note: Benzinga, line 1"_L1);
            if (f.contents.startsWith("illegal-training\nStatus: disputed"_L1)) {
                ++disputed;
                QCOMPARE(f.colour.name(), u"#e08a1e"_s);
            }
            if (f.contents.startsWith("refused-api-fees\nStatus: none"_L1)) {
                ++tagged;
                QCOMPARE(f.colour.name(), u"#3399cc"_s);
            }
            QVERIFY2(f.contents.contains("Also reported by: "_L1), qPrintable(f.contents));
        }
        QCOMPARE(notes, 1);
        QCOMPARE(disputed, 5);
        QVERIFY(tagged > 0);
    }

    void quadsCoverTheWordsOfTheirText()
    {
        const QList<QList<Word>> pages = wordsOf(m_pdf);
        QVERIFY(!pages.isEmpty());
        for (const Found &f : std::as_const(m_found)) {
            const qint64 id = f.name.section(u'-', 2, 2).toLongLong();
            const Highlight *h = m_snapshot.highlight(id);
            QVERIFY2(h, qPrintable(f.name));
            // Words the quads touch, and words they mostly cover.
            QString touched, covered;
            for (const Word &w : pages.at(f.page)) {
                double area = 0;
                bool touches = false;
                for (const QRectF &q : f.quads) {
                    const QRectF inner = q.adjusted(0.5, 0, -0.5, 0).intersected(w.box);
                    if (!inner.isEmpty()) {
                        touches = true;
                        area += inner.width() * inner.height();
                    }
                }
                if (touches)
                    touched += w.text + u' ';
                if (area > 0.5 * w.box.width() * w.box.height())
                    covered += w.text + u' ';
            }
            // Every glyph of the quote is under a quad, and nothing mostly under a quad is outside it.
            QVERIFY2(letters(touched).contains(letters(h->quote)), qPrintable(u"%1 | %2"_s.arg(touched, h->quote)));
            QVERIFY2(letters(h->quote).contains(letters(covered)), qPrintable(u"%1 | %2"_s.arg(covered, h->quote)));
            // One quad per line, each about a line high.
            for (const QRectF &q : f.quads)
                QVERIFY2(q.height() > 8 && q.height() < 20, qPrintable(QString::number(q.height())));
        }
    }

    void outlineAndInformation()
    {
        const auto doc = Poppler::Document::load(m_pdf);
        QVERIFY(doc);
        QStringList titles;
        for (const Poppler::OutlineItem &item : doc->outline())
            titles << item.name();
        QCOMPARE(titles.size(), 2 + 5);
        QCOMPARE(titles.at(0), u"Cover"_s);
        QCOMPARE(titles.at(1), u"Claims"_s);
        QCOMPARE(titles.at(2), u"Unnamed news site (01) — %1"_s.arg(m_snapshot.articles.first().summary.headline));
        QCOMPARE(doc->info(u"Title"_s), m_ws->title());
        QCOMPARE(doc->info(u"Author"_s), u"Test Reader"_s);
        QVERIFY(doc->info(u"Creator"_s).startsWith("Parallax"_L1));
        QVERIFY(doc->date(u"ModDate"_s).isValid());
        QVERIFY(doc->date(u"CreationDate"_s).isValid());
    }

    void renderedHighlightHasItsColour()
    {
        // pdftoppm draws the annotations from their appearance streams.
        const Found &f = *std::find_if(m_found.cbegin(), m_found.cend(),
                                       [](const Found &x) { return x.contents.startsWith("UNSUPPORTED"_L1); });
        const QString prefix = m_dir.filePath(u"page"_s);
        const TestUtil::Run r = tool(u"pdftoppm"_s,
                                     {u"-r"_s, u"72"_s, u"-f"_s, QString::number(f.page + 1), u"-l"_s,
                                      QString::number(f.page + 1), u"-png"_s, u"-singlefile"_s, m_pdf, prefix});
        QCOMPARE(r.exitCode, 0);
        const QImage image(prefix + u".png"_s);
        QVERIFY(!image.isNull());
        const QRect area = f.quads.first().toAlignedRect().adjusted(1, 1, -1, -1);
        int red = 0, all = 0;
        for (int y = area.top(); y <= area.bottom(); ++y) {
            for (int x = area.left(); x <= area.right(); ++x) {
                const QColor c = image.pixelColor(x, y);
                red += std::abs(c.red() - 0xd9) < 12 && std::abs(c.green() - 0x53) < 12
                    && std::abs(c.blue() - 0x4f) < 12;
                ++all;
            }
        }
        QVERIFY2(red > all / 3, qPrintable(u"%1 of %2 pixels in the highlight colour"_s.arg(red).arg(all)));
    }

    void markdownReport()
    {
        const QString md = QString::fromUtf8(Export::markdown(m_snapshot));
        QVERIFY(md.startsWith(u"# %1\n"_s.arg(m_ws->title())));
        QVERIFY(md.contains(u"### ⚠ lawsuit-quote\n"_s));
        QVERIFY(md.contains("- Status: **unsupported**\n"_L1));
        QVERIFY(md.contains(u"- Evidence: <https://example.invalid/microsoft-notice> — Microsoft's notice\n"_s));
        QVERIFY(md.contains(u"- Reported by 4 of 5 articles: Unnamed news site (01), Unnamed tech site (02), "
                            "Evoclique, Benzinga\n"_s));
        QVERIFY(md.contains(u"> Lawsuit time.\n>\n> — Benzinga, verbatim quote"_s));
        QCOMPARE(md.count(u"\n> — "_s), m_keyRows);
        QVERIFY(md.contains(u"| lawsuit-quote | unsupported | verbatim quote | verbatim quote | verbatim quote | — | "
                            "verbatim quote |\n"_s));
    }

    void csvOfAppearances()
    {
        const QByteArray bytes = Export::csv(m_snapshot);
        // RFC 4180: fields, quoted when they hold a comma, quote or line break; CRLF after each record.
        QList<QStringList> rows;
        QStringList row;
        QString field;
        bool quoted = false;
        const QString text = QString::fromUtf8(bytes);
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (quoted) {
                if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else if (c == u'"') {
                    quoted = false;
                } else {
                    field += c;
                }
            } else if (c == u'"') {
                quoted = true;
            } else if (c == u',') {
                row << field;
                field.clear();
            } else if (c == u'\r') {
                QCOMPARE(text.at(i + 1), u'\n');
                row << field;
                rows << row;
                row.clear();
                field.clear();
                ++i;
            } else {
                field += c;
            }
        }
        QVERIFY(row.isEmpty() && field.isEmpty());
        QCOMPARE(rows.first(),
                 QStringList({u"article"_s, u"outlet"_s, u"headline"_s, u"claim"_s, u"status"_s, u"tags"_s,
                              u"wording"_s, u"quote"_s, u"note"_s, u"claim note"_s, u"start"_s, u"end"_s}));
        QCOMPARE(rows.size(), 1 + m_keyRows);
        int unsupported = 0;
        for (const QStringList &r : rows.mid(1)) {
            QCOMPARE(r.size(), 12);
            const QString body = m_ws->articleBody(r.at(0).toLongLong());
            const int start = r.at(10).toInt(), end = r.at(11).toInt();
            // Offsets are code points; the sample has none outside the BMP, so they index the body too.
            QCOMPARE(body.mid(start, end - start), r.at(7));
            if (r.at(3) == "lawsuit-quote"_L1) {
                ++unsupported;
                QCOMPARE(r.at(4), u"unsupported"_s);
                QCOMPARE(r.at(9), u"Only a tweet, \"Lawsuit time\"; no filing found"_s);
            }
            if (r.at(3) == "refused-api-fees"_L1)
                QCOMPARE(r.at(5), u"legal"_s);
        }
        QCOMPARE(unsupported, 4);
        QVERIFY(bytes.contains("\"Only a tweet, \"\"Lawsuit time\"\"; no filing found\""));
    }

    void webAnnotationsRoundTrip()
    {
        const QByteArray json = Export::webAnnotations(m_snapshot);
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root[u"type"_s].toString(), u"AnnotationCollection"_s);
        QCOMPARE(root[u"@context"_s][0].toString(), u"http://www.w3.org/ns/anno.jsonld"_s);
        const QJsonArray items = root[u"first"_s][u"items"_s].toArray();
        QCOMPARE(items.size(), m_snapshot.highlights.size() + m_snapshot.claims.size());
        const QJsonObject first = items.first().toObject();
        QCOMPARE(first[u"motivation"_s].toString(), u"highlighting"_s);
        QCOMPARE(first[u"target"_s][u"selector"_s][0][u"type"_s].toString(), u"TextQuoteSelector"_s);
        QCOMPARE(first[u"target"_s][u"selector"_s][1][u"type"_s].toString(), u"TextPositionSelector"_s);
        QCOMPARE(items.last()[u"motivation"_s].toString(), u"linking"_s);

        // Into a fresh copy of the same story: everything comes back.
        QString error;
        const QString path = m_dir.filePath(u"copy.parallax"_s);
        QVERIFY2(SampleStory::create(path, &error), qPrintable(error));
        auto copy = Workspace::open(path, &error);
        QVERIFY(copy);
        Annotator annotator(copy.get());
        const Export::ImportReport report = Export::importWebAnnotations(annotator, json);
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.claimsAdded, 13);
        QCOMPARE(report.highlightsAdded, m_keyRows);
        QCOMPARE(report.linksAdded, m_keyRows);
        QCOMPARE(report.tagsAdded, 1);
        QCOMPARE(annotator.undoStack()->count(), 1); // one step to undo
        const Export::Snapshot back = Export::Snapshot::read(*copy, *annotator.store());
        QCOMPARE(describe(back), describe(m_snapshot));
        QCOMPARE(Export::csv(back), Export::csv(m_snapshot));

        // Twice is once.
        const Export::ImportReport again = Export::importWebAnnotations(annotator, json);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.claimsAdded + again.highlightsAdded + again.linksAdded + again.evidenceAdded, 0);
        QCOMPARE(describe(Export::Snapshot::read(*copy, *annotator.store())), describe(m_snapshot));

        // Undo takes the whole import back.
        annotator.undoStack()->setIndex(0);
        QVERIFY(annotator.store()->claims().isEmpty());
        QVERIFY(annotator.store()->allHighlights().isEmpty());
    }

    void brokenOrMismatchedImportChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray good = Export::webAnnotations(m_snapshot);
        QTest::newRow("truncated") << good.left(good.size() / 2) << u"not a JSON file"_s;
        QTest::newRow("not-annotations") << QByteArray("{\"type\": \"Thing\"}") << u"not a W3C Web Annotation"_s;
        // Another story's article: neither its text nor its headline is in the workspace.
        QJsonObject root = QJsonDocument::fromJson(good).object();
        QJsonArray articles = root[u"px:articles"_s].toArray();
        QJsonObject other = articles.at(3).toObject();
        other[u"px:digest"_s] = u"0123"_s;
        other[u"title"_s] = u"Another story"_s;
        articles[3] = other;
        root[u"px:articles"_s] = articles;
        QTest::newRow("unknown-article") << QJsonDocument(root).toJson() << u"is not in this workspace"_s;
        QByteArray moved = good;
        moved.replace("They trained illegally using Twitter data", "They trained legally using Twitter data");
        QTest::newRow("quote-not-in-text") << moved << u"is not in the article"_s;
        QByteArray badStatus = good;
        badStatus.replace("\"value\": \"disputed\"", "\"value\": \"invented\"");
        QTest::newRow("unknown-status") << badStatus << u"unknown status \"invented\""_s;
    }

    void brokenOrMismatchedImportChangesNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        const QString path = m_dir.filePath(u"%1.parallax"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY2(SampleStory::create(path, &error), qPrintable(error));
        auto ws = Workspace::open(path, &error);
        QVERIFY(ws);
        Annotator annotator(ws.get());
        QVERIFY(annotator.createClaim(u"already here"_s) > 0);
        annotator.undoStack()->clear();
        const QByteArray before = Export::webAnnotations(Export::Snapshot::read(*ws, *annotator.store()));
        const Export::ImportReport report = Export::importWebAnnotations(annotator, json);
        QVERIFY(!report.ok());
        QVERIFY2(report.error.contains(message), qPrintable(report.error));
        QCOMPARE(annotator.undoStack()->count(), 0);
        const QByteArray after = Export::webAnnotations(Export::Snapshot::read(*ws, *annotator.store()));
        QCOMPARE(withoutTime(after), withoutTime(before));
    }

    void failedOrCancelledExportLeavesNoFile()
    {
        const QString missing = m_dir.filePath(u"no-such-folder/out.pdf"_s);
        Export::Result r = Export::writePdf(m_snapshot, missing, {});
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("out.pdf"_L1), qPrintable(r.error));
        QVERIFY(!QFileInfo::exists(missing));
        QVERIFY(!Export::writeCsv(m_snapshot, m_dir.filePath(u"no-such-folder/out.csv"_s)).ok());
        QVERIFY(!Export::writeMarkdown(m_snapshot, m_dir.filePath(u"no-such-folder/out.md"_s)).ok());
        QVERIFY(!Export::writeWebAnnotations(m_snapshot, m_dir.filePath(u"no-such-folder/out.jsonld"_s)).ok());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"no-such-folder"_s)));

        // A folder that cannot be written to (root writes anywhere; then there is nothing to see).
        const QString locked = m_dir.filePath(u"locked"_s);
        QVERIFY(QDir().mkpath(locked));
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (!QFileInfo(locked).isWritable()) {
            QVERIFY(!Export::writePdf(m_snapshot, locked + u"/out.pdf"_s, {}).ok());
            QCOMPARE(QDir(locked).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
        }

        // Cancelled half way: the file that was there is left as it was, and nothing beside it.
        const QString target = m_dir.filePath(u"cancel/out.pdf"_s);
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        QVERIFY(TestUtil::writeFile(target, "before"));
        int calls = 0;
        r = Export::writePdf(m_snapshot, target, {}, [&](int done, int total) {
            ++calls;
            return done < total / 2;
        });
        QVERIFY(r.cancelled);
        QVERIFY(calls > 1);
        QCOMPARE(TestUtil::readFile(target), QByteArray("before"));
        QCOMPARE(QDir(QFileInfo(target).absolutePath()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList{u"out.pdf"_s});
    }

    void commandLine()
    {
        const QString ws = m_ws->path();
        const QString out = m_dir.filePath(u"cli"_s);
        QVERIFY(QDir().mkpath(out));
        TestUtil::Run r = tool(QStringLiteral(PARALLAX_BINARY),
                               {u"export"_s, u"--workspace"_s, ws, u"--pdf"_s, out + u"/d.pdf"_s, u"--markdown"_s,
                                out + u"/d.md"_s, u"--csv"_s, out + u"/d.csv"_s, u"--jsonld"_s, out + u"/d.jsonld"_s,
                                u"--author"_s, u"Cli Reader"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *name : {"d.pdf", "d.md", "d.csv", "d.jsonld"})
            QVERIFY2(QFileInfo(out + u'/' + QLatin1String(name)).size() > 0, name);
        QVERIFY(tool(u"qpdf"_s, {u"--check"_s, out + u"/d.pdf"_s}).exitCode == 0);

        QString error;
        const QString copy = m_dir.filePath(u"cli-copy.parallax"_s);
        QVERIFY2(SampleStory::create(copy, &error), qPrintable(error));
        r = tool(QStringLiteral(PARALLAX_BINARY),
                 {u"annotations"_s, u"--workspace"_s, copy, u"--import"_s, out + u"/d.jsonld"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.outBytes.startsWith("13 claims, 42 highlights, 42 links"));

        QVERIFY(TestUtil::writeFile(out + u"/broken.jsonld"_s, "{\"type\": \"AnnotationCollection\""));
        r = tool(QStringLiteral(PARALLAX_BINARY),
                 {u"annotations"_s, u"--workspace"_s, copy, u"--import"_s, out + u"/broken.jsonld"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("parallax: "_L1) && r.err.contains("nothing was imported"_L1), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);

        r = tool(QStringLiteral(PARALLAX_BINARY), {u"export"_s, u"--workspace"_s, ws});
        QCOMPARE(r.exitCode, 2);
        r = tool(QStringLiteral(PARALLAX_BINARY),
                 {u"export"_s, u"--workspace"_s, ws, u"--pdf"_s, out + u"/missing/d.pdf"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFileInfo::exists(out + u"/missing"_s));
    }

private:
    // The annotations of a workspace in words that do not depend on ids or times.
    static QStringList describe(const Export::Snapshot &s)
    {
        QStringList lines;
        for (const Export::ClaimData &c : s.claims) {
            QStringList tags;
            for (qint64 id : c.tags)
                tags << s.tagName(id) + u' ' + s.tag(id)->colour.name();
            QStringList evidence;
            for (const Evidence &e : c.evidence)
                evidence << e.url + u' ' + e.note;
            lines << u"claim %1 | %2 | %3 | %4 | %5"_s.arg(c.claim.title, s.statusName(c.claim), c.claim.note,
                                                           tags.join(u','), evidence.join(u','));
        }
        for (const Highlight &h : s.highlights) {
            QStringList links;
            for (const Appearance &a : s.linksOfHighlight.value(h.id))
                links << s.claim(a.claimId)->claim.title + u' ' + wordingKey(a.wording);
            lines << u"highlight %1 [%2, %3) %4 | %5"_s.arg(s.article(h.articleId)->summary.sourceName)
                         .arg(h.start)
                         .arg(h.end)
                         .arg(h.note, links.join(u','));
        }
        return lines;
    }

    static QString withoutTime(const QByteArray &json)
    {
        return QString::fromUtf8(json).remove(QRegularExpression(u"\"generated\": \"[^\"]*\""_s));
    }
};

QTEST_MAIN(ExportTest)
#include "tst_export.moc"
