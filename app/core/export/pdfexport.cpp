#include "export/pdfexport.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextLayout>

#include <qpdf/Pl_Function.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>

using namespace Qt::StringLiterals;

namespace Export {

namespace {

// Device units per inch. High enough that glyph positions, and so the quad points taken from
// them, are exact to well under a hundredth of a point.
constexpr int Resolution = 1200;
constexpr double PointsPerUnit = 72.0 / Resolution;
constexpr double units(double points)
{
    return points / PointsPerUnit;
}

const QColor Ink{0x20, 0x20, 0x20};
const QColor Muted{0x6b, 0x6b, 0x6b};
const QColor Alarm{0xb5, 0x2b, 0x27}; // unsupported claims, in print and on screen

QFont printFont(const QStringList &families, QFont::StyleHint hint, double points, int weight)
{
    QFont f;
    f.setFamilies(families);
    f.setStyleHint(hint);
    f.setPointSizeF(points);
    f.setWeight(QFont::Weight(weight));
    // Ligatures come out of text extraction as U+FB01 and the like: a dossier whose "fi" cannot
    // be searched for or pasted is worse than one that sets it in two glyphs.
    f.setFeature(QFont::Tag("liga"), 0);
    return f;
}

QFont serif(double points, int weight = QFont::Normal)
{
    return printFont({u"Noto Serif"_s, u"DejaVu Serif"_s}, QFont::Serif, points, weight);
}

QFont sans(double points, int weight = QFont::Normal)
{
    return printFont({u"Noto Sans"_s, u"DejaVu Sans"_s}, QFont::SansSerif, points, weight);
}

QString articleName(const ArticleSummary &a)
{
    return a.outlet.isEmpty() ? a.headline : a.outlet;
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

// A place a bookmark leads to: page index and distance from the top of the page, device units.
struct Mark {
    QString title;
    int page = 0;
    double top = 0;
};

// The lines of one highlight on one page, device units from the page's top left corner.
struct Piece {
    const Highlight *highlight = nullptr;
    int page = 0;
    QList<QRectF> lines;
};

class Pages
{
public:
    Pages(QPdfWriter &writer, const Snapshot &snapshot)
        : m_writer(writer)
        , m_s(snapshot)
    {
        const double margin = units(56);
        m_area = QRectF(margin, margin, writer.width() - 2 * margin, writer.height() - margin - units(72));
    }

    bool begin() { return m_painter.begin(&m_writer); }
    void end() { m_painter.end(); }
    int pageCount() const { return m_page + 1; }
    const QList<Mark> &marks() const { return m_marks; }
    const QList<Piece> &pieces() const { return m_pieces; }

    void cover();
    void claims();
    void article(const ArticleData &article);

private:
    void newPage();
    void footer();
    void document(const QString &html);
    void text(const QString &text, const QFont &font, const QColor &colour, double after,
              QTextOption::WrapMode wrap = QTextOption::WordWrap);
    void paragraph(const QString &text, int offset, const QList<const Highlight *> &highlights);

    QPdfWriter &m_writer;
    const Snapshot &m_s;
    QPainter m_painter;
    QRectF m_area;
    int m_page = 0;
    double m_y = 0; // where the next line goes on the current page
    QList<Mark> m_marks;
    QList<Piece> m_pieces;
    QHash<QPair<qint64, int>, qsizetype> m_pieceOf; // (highlight, page) -> index in m_pieces
};

void Pages::newPage()
{
    m_writer.newPage();
    ++m_page;
    m_y = m_area.top();
    footer();
}

void Pages::footer()
{
    // Drawn on every page as it starts; only the number, so that extracted text stays readable.
    m_painter.save();
    m_painter.setFont(sans(8));
    m_painter.setPen(Muted);
    const QRectF band(m_area.left(), m_area.bottom() + units(24), m_area.width(), units(14));
    m_painter.drawText(band, Qt::AlignCenter, QString::number(m_page + 1));
    m_painter.restore();
}

void Pages::document(const QString &html)
{
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&m_writer);
    doc.setDefaultFont(sans(9.5));
    doc.setDocumentMargin(0);
    doc.setHtml(html);
    doc.setPageSize(m_area.size());
    const int pages = doc.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0) {
            newPage();
        }
        m_painter.save();
        m_painter.translate(m_area.left(), m_area.top() - i * m_area.height());
        doc.drawContents(&m_painter, QRectF(0, i * m_area.height(), m_area.width(), m_area.height()));
        m_painter.restore();
    }
    m_y = m_area.bottom();
}

void Pages::cover()
{
    // The first page: Qt's writer starts with it.
    footer();
    m_marks.append({QCoreApplication::translate("Export", "Cover"), m_page, 0});
    QList<const ClaimData *> unsupported;
    for (const ClaimData &c : m_s.claims) {
        if (c.claim.statusTag == Status::Unsupported)
            unsupported.append(&c);
    }
    QString html
        = u"<p style=\"color:#6b6b6b; font-size:9pt\">PARALLAX DOSSIER</p>"
          "<h1 style=\"font-size:24pt\">%1</h1>"
          "<p style=\"color:#6b6b6b\">%2 articles · %3 claims · %4 highlights · exported %5</p>"_s.arg(esc(m_s.title))
              .arg(m_s.articles.size())
              .arg(m_s.claims.size())
              .arg(m_s.highlights.size())
              .arg(QDate::currentDate().toString(Qt::ISODate));
    if (!unsupported.isEmpty()) {
        html += u"<table width=\"100%\" cellpadding=\"8\" style=\"border-collapse:collapse; border: 2px solid "
                "#b52b27; margin-top:12px\" bgcolor=\"#fbe6e5\"><tr><td>"
                "<p style=\"color:#b52b27; font-size:13pt; font-weight:bold\">%1 unsupported %2</p>"_s
                    .arg(unsupported.size())
                    .arg(unsupported.size() == 1 ? u"claim"_s : u"claims"_s);
        for (const ClaimData *c : std::as_const(unsupported)) {
            html += u"<p><b>%1</b> — reported by %2</p>"_s.arg(esc(c->claim.title),
                                                               esc(m_s.reportedBy(c->claim.id).join(u", "_s)));
        }
        html += u"</td></tr></table>"_s;
    }
    html += u"<h2>Articles</h2><table width=\"100%\" cellpadding=\"4\" style=\"border-collapse:collapse; border: 1px "
            "solid #999\"><tr bgcolor=\"#eeeeee\"><th>#</th><th>Outlet</th><th>Headline</th><th>Date</th>"
            "<th>URL</th></tr>"_s;
    for (int i = 0; i < m_s.articles.size(); ++i) {
        const ArticleSummary &a = m_s.articles.at(i).summary;
        html += u"<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td style=\"font-size:8pt\">%5</td></tr>"_s.arg(i + 1)
                    .arg(esc(a.outlet), esc(a.headline), esc(a.published), esc(a.url));
    }
    html += u"</table>"_s;
    document(html);
}

void Pages::claims()
{
    QString html = u"<h2>Claims</h2>"_s;
    if (m_s.claims.isEmpty())
        html += u"<p>No claims yet.</p>"_s;
    else
        html += u"<table width=\"100%\" cellpadding=\"4\" style=\"border-collapse:collapse; border: 1px solid #999\">"
                "<tr bgcolor=\"#eeeeee\"><th>Claim</th><th>Status</th><th>Outlets</th><th>Note</th>"
                "<th>Evidence</th></tr>"_s;
    for (const ClaimData &c : m_s.claims) {
        const bool unsupported = c.claim.statusTag == Status::Unsupported;
        QString evidence;
        for (const Evidence &e : c.evidence)
            evidence += u"<p>%1%2</p>"_s.arg(esc(e.url), e.note.isEmpty() ? QString() : u" — "_s + esc(e.note));
        QString status = esc(m_s.statusName(c.claim));
        if (unsupported)
            status = u"<span style=\"color:#b52b27; font-weight:bold\">UNSUPPORTED</span>"_s;
        const QStringList tags = m_s.tagNames(c);
        html += u"<tr%1><td><b>%2</b>%3</td><td>%4</td><td align=\"center\">%5</td><td>%6</td>"
                "<td style=\"font-size:8pt\">%7</td></tr>"_s
                    .arg(unsupported ? u" bgcolor=\"#fbe6e5\""_s : QString(), esc(c.claim.title),
                         tags.isEmpty() ? QString() : u"<br><i>%1</i>"_s.arg(esc(tags.join(u", "_s))), status)
                    .arg(m_s.reportCount(c.claim.id))
                    .arg(esc(c.claim.note), evidence);
    }
    if (!m_s.claims.isEmpty())
        html += u"</table>"_s;
    if (!m_s.claims.isEmpty() && !m_s.articles.isEmpty()) {
        // Columns are the article numbers of the cover's list: fifty outlet names do not fit across.
        html += u"<h2>Coverage matrix</h2><p style=\"color:#6b6b6b\">Claims down, articles across (numbered as on "
                "the cover). Q verbatim quote, P paraphrase, A attributed, H hedged, F stated as fact; empty: not "
                "reported.</p><table cellpadding=\"3\" style=\"border-collapse:collapse; border: 1px solid #999\">"
                "<tr bgcolor=\"#eeeeee\"><th align=\"left\">Claim</th>"_s;
        for (int i = 0; i < m_s.articles.size(); ++i)
            html += u"<th>%1</th>"_s.arg(i + 1);
        html += u"</tr>"_s;
        static const QHash<Wording, QString> letter{{Wording::Verbatim, u"Q"_s},
                                                    {Wording::Paraphrase, u"P"_s},
                                                    {Wording::Attributed, u"A"_s},
                                                    {Wording::Hedged, u"H"_s},
                                                    {Wording::Stated, u"F"_s}};
        for (const ClaimData &c : m_s.claims) {
            QColor colour = claimColour(c.claim, c.tags, m_s.tags);
            if (!colour.isValid())
                colour = UnlinkedHighlightColour;
            colour.setAlphaF(1);
            const QColor tint = QColor::fromRgbF(1 - 0.45 * (1 - colour.redF()), 1 - 0.45 * (1 - colour.greenF()),
                                                 1 - 0.45 * (1 - colour.blueF()));
            html += u"<tr><td>%1</td>"_s.arg(esc(c.claim.title));
            for (int column = 0; column < m_s.coverage.articleCount(); ++column) {
                QStringList letters;
                if (c.coverageRow >= 0) {
                    for (const Coverage::Entry &e : m_s.coverage.cell(c.coverageRow, column))
                        letters << letter.value(e.wording);
                }
                if (letters.isEmpty())
                    html += u"<td></td>"_s;
                else
                    html += u"<td align=\"center\" bgcolor=\"%1\">%2</td>"_s.arg(tint.name(), letters.join(QString()));
            }
            html += u"</tr>"_s;
        }
        html += u"</table>"_s;
    }
    newPage();
    m_marks.append({QCoreApplication::translate("Export", "Claims"), m_page, 0});
    document(html);
}

void Pages::text(const QString &content, const QFont &font, const QColor &colour, double after,
                 QTextOption::WrapMode wrap)
{
    if (content.isEmpty())
        return;
    QTextLayout layout(content, font, &m_writer);
    QTextOption option;
    option.setWrapMode(wrap);
    layout.setTextOption(option);
    layout.beginLayout();
    double y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(m_area.width());
        line.setPosition(QPointF(0, y));
        y += line.height() * 1.15;
    }
    layout.endLayout();
    m_painter.setPen(colour);
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        if (m_y + line.height() > m_area.bottom())
            newPage();
        line.draw(&m_painter, QPointF(m_area.left(), m_y - line.y()));
        m_y += line.height() * 1.15;
    }
    m_y += after;
}

void Pages::article(const ArticleData &a)
{
    newPage();
    m_marks.append({u"%1 — %2"_s.arg(articleName(a.summary), a.summary.headline), m_page, 0});
    text(a.summary.outlet.toUpper(), sans(9, QFont::DemiBold), Muted, units(4));
    text(a.summary.headline, sans(17, QFont::Bold), Ink, units(6));
    QStringList meta;
    if (!a.summary.author.isEmpty())
        meta << a.summary.author;
    if (!a.summary.published.isEmpty())
        meta << a.summary.published;
    text(meta.join(u" · "_s), sans(8.5), Muted, units(2));
    text(a.summary.url, sans(8), Muted, units(16), QTextOption::WrapAnywhere);

    const QList<Highlight> all = m_s.highlightsOf(a.summary.id);
    QList<const Highlight *> highlights;
    for (const Highlight &h : all) {
        if (const Highlight *stored = m_s.highlight(h.id); stored && !stored->orphaned)
            highlights.append(stored);
    }
    int offset = 0;
    for (const QString &p : a.body.split(u'\n')) {
        paragraph(p, offset, highlights);
        offset += int(p.size()) + 1;
    }
}

void Pages::paragraph(const QString &content, int offset, const QList<const Highlight *> &highlights)
{
    const QFont font = serif(10.5);
    const double spacing = 1.32;
    if (content.trimmed().isEmpty()) {
        m_y += units(6);
        return;
    }
    QTextLayout layout(content, font, &m_writer);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    double y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(m_area.width());
        line.setPosition(QPointF(0, y));
        y += line.height() * spacing;
    }
    layout.endLayout();

    const int end = offset + int(content.size());
    QList<const Highlight *> here;
    for (const Highlight *h : highlights) {
        if (h->start < end && h->end > offset)
            here.append(h);
    }
    m_painter.setPen(Ink);
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        if (m_y + line.height() > m_area.bottom())
            newPage();
        const QPointF at(m_area.left(), m_y - line.y());
        line.draw(&m_painter, at);
        const int lineStart = offset + line.textStart();
        const int lineEnd = lineStart + line.textLength();
        for (const Highlight *h : std::as_const(here)) {
            int from = std::max(h->start, lineStart);
            int to = std::min(h->end, lineEnd);
            // A line's text ends with the space it broke at; the highlight covers glyphs, not that gap.
            while (to > from && content.at(to - 1 - offset).isSpace())
                --to;
            while (from < to && content.at(from - offset).isSpace())
                ++from;
            if (from >= to)
                continue;
            const double x1 = at.x() + line.cursorToX(from - offset);
            const double x2 = at.x() + line.cursorToX(to - offset);
            const QRectF rect(QPointF(std::min(x1, x2), m_y), QPointF(std::max(x1, x2), m_y + line.height()));
            const QPair<qint64, int> key(h->id, m_page);
            qsizetype index = m_pieceOf.value(key, -1);
            if (index < 0) {
                index = m_pieces.size();
                m_pieceOf.insert(key, index);
                m_pieces.append({h, m_page, {}});
            }
            m_pieces[index].lines.append(rect);
            if (m_s.isUnsupported(*h)) {
                // Unsupported claims stand out in print too, where a viewer hides annotations:
                // underlined, with a bar in the margin. Lines, not text, so extracted text is unchanged.
                m_painter.fillRect(QRectF(rect.left(), rect.bottom() - units(0.2), rect.width(), units(1.1)), Alarm);
                m_painter.fillRect(QRectF(m_area.left() - units(10), rect.top(), units(2.5), rect.height()), Alarm);
            }
        }
        m_y += line.height() * spacing;
    }
    m_y += units(7);
}

// ---- libqpdf: annotations, outline, information ----

using QPDFObj = QPDFObjectHandle;

QPDFObj real(double v)
{
    return QPDFObj::newReal(v, 3);
}

QPDFObj text(const QString &s)
{
    return QPDFObj::newUnicodeString(s.toStdString());
}

QPDFObj colourArray(const QColor &c)
{
    QPDFObj a = QPDFObj::newArray();
    a.appendItem(real(c.redF()));
    a.appendItem(real(c.greenF()));
    a.appendItem(real(c.blueF()));
    return a;
}

QString pdfDate(const QDateTime &t)
{
    return t.toUTC().toString(u"'D:'yyyyMMddHHmmss'Z'"_s);
}

QString contentsOf(const Snapshot &s, const Highlight &h)
{
    const ArticleData *article = s.article(h.articleId);
    const QString own = article ? articleName(article->summary) : QString();
    QStringList parts;
    for (const Appearance &link : s.linksOfHighlight.value(h.id)) {
        const ClaimData *c = s.claim(link.claimId);
        if (!c)
            continue;
        QStringList lines;
        const QString status = s.statusName(c->claim);
        lines << (c->claim.statusTag == Status::Unsupported ? QCoreApplication::translate("Export", "UNSUPPORTED: %1")
                                                            : u"%1"_s)
                     .arg(c->claim.title);
        lines << QCoreApplication::translate("Export", "Status: %1")
                     .arg(status.isEmpty() ? QCoreApplication::translate("Export", "none") : status);
        lines << QCoreApplication::translate("Export", "Wording: %1").arg(wordingLabel(link.wording));
        if (!c->claim.note.isEmpty())
            lines << QCoreApplication::translate("Export", "Note: %1").arg(c->claim.note);
        QStringList others = s.reportedBy(c->claim.id);
        others.removeAll(own);
        lines << QCoreApplication::translate("Export", "Also reported by: %1")
                     .arg(others.isEmpty() ? QCoreApplication::translate("Export", "no other outlet")
                                           : others.join(u", "_s));
        parts << lines.join(u'\n');
    }
    if (parts.isEmpty())
        parts << QCoreApplication::translate("Export", "Highlight (no claim)");
    if (!h.note.isEmpty())
        parts << QCoreApplication::translate("Export", "Highlight note: %1").arg(h.note);
    return parts.join(u"\n\n"_s);
}

QString subjectOf(const Snapshot &s, const Highlight &h)
{
    for (const Appearance &link : s.linksOfHighlight.value(h.id)) {
        if (const ClaimData *c = s.claim(link.claimId))
            return c->claim.title;
    }
    return QCoreApplication::translate("Export", "Highlight");
}

class Annotations
{
public:
    Annotations(QPDF &pdf, const Snapshot &s, const PdfOptions &options, double pageHeight)
        : m_pdf(pdf)
        , m_s(s)
        , m_options(options)
        , m_pageHeight(pageHeight)
        , m_now(pdfDate(QDateTime::currentDateTimeUtc()))
    {
        m_pages = QPDFPageDocumentHelper(pdf).getAllPages();
        // One graphics state for every appearance: highlights multiply with the text below, as
        // a highlighter pen does, so the text stays black in every viewer.
        QPDFObj gs = QPDFObj::newDictionary();
        gs.replaceKey("/Type", QPDFObj::newName("/ExtGState"));
        gs.replaceKey("/BM", QPDFObj::newName("/Multiply"));
        gs.replaceKey("/CA", real(1));
        gs.replaceKey("/ca", real(1));
        QPDFObj states = QPDFObj::newDictionary();
        states.replaceKey("/Multiply", m_pdf.makeIndirectObject(gs));
        m_resources = QPDFObj::newDictionary();
        m_resources.replaceKey("/ExtGState", states);
        m_resources = m_pdf.makeIndirectObject(m_resources);
    }

    size_t pageCount() const { return m_pages.size(); }
    void add(const Piece &piece);
    void outline(const QList<Mark> &marks);
    void information();

private:
    // PDF user space: points from the bottom left corner.
    double x(double deviceX) const { return deviceX * PointsPerUnit; }
    double y(double deviceY) const { return m_pageHeight - deviceY * PointsPerUnit; }

    QPDF &m_pdf;
    const Snapshot &m_s;
    const PdfOptions &m_options;
    double m_pageHeight;
    QString m_now;
    std::vector<QPDFPageObjectHelper> m_pages;
    QPDFObj m_resources;
};

void Annotations::add(const Piece &piece)
{
    const Highlight &h = *piece.highlight;
    QPDFObj page = m_pages.at(size_t(piece.page)).getObjectHandle();
    QPDFObj quads = QPDFObj::newArray();
    QByteArray path = "/Multiply gs ";
    const QColor colour = m_s.colourOf(h);
    path += QByteArray::number(colour.redF(), 'f', 3) + ' ' + QByteArray::number(colour.greenF(), 'f', 3) + ' '
        + QByteArray::number(colour.blueF(), 'f', 3) + " rg\n";
    double left = 1e9, right = -1e9, top = -1e9, bottom = 1e9;
    for (const QRectF &r : piece.lines) {
        const double x1 = x(r.left()), x2 = x(r.right()), y1 = y(r.top()), y2 = y(r.bottom());
        // The order viewers expect (and Acrobat writes): upper left, upper right, lower left, lower right.
        for (double v : {x1, y1, x2, y1, x1, y2, x2, y2})
            quads.appendItem(real(v));
        left = std::min(left, x1);
        right = std::max(right, x2);
        top = std::max(top, y1);
        bottom = std::min(bottom, y2);
        path += QByteArray::number(x1, 'f', 3) + ' ' + QByteArray::number(y2, 'f', 3) + ' '
            + QByteArray::number(x2 - x1, 'f', 3) + ' ' + QByteArray::number(y1 - y2, 'f', 3) + " re\n";
    }
    path += "f\n";
    QPDFObj rect = QPDFObj::newArray();
    for (double v : {left, bottom, right, top})
        rect.appendItem(real(v));

    // The normal appearance: the quads filled in the highlight colour, in page coordinates (its
    // bounding box is the annotation's rectangle, so the identity maps one onto the other).
    QPDFObj appearance = QPDFObj::newStream(&m_pdf, path.toStdString());
    QPDFObj dict = appearance.getDict();
    dict.replaceKey("/Type", QPDFObj::newName("/XObject"));
    dict.replaceKey("/Subtype", QPDFObj::newName("/Form"));
    dict.replaceKey("/BBox", rect);
    dict.replaceKey("/Resources", m_resources);
    QPDFObj ap = QPDFObj::newDictionary();
    ap.replaceKey("/N", appearance);

    QPDFObj annot = QPDFObj::newDictionary();
    annot.replaceKey("/Type", QPDFObj::newName("/Annot"));
    annot.replaceKey("/Subtype", QPDFObj::newName("/Highlight"));
    annot.replaceKey("/Rect", rect);
    annot.replaceKey("/QuadPoints", quads);
    annot.replaceKey("/C", colourArray(colour));
    annot.replaceKey("/CA", real(1));
    annot.replaceKey("/F", QPDFObj::newInteger(4)); // Print: the highlight is part of the printed page
    annot.replaceKey("/P", page);
    annot.replaceKey("/NM", text(u"parallax-highlight-%1-p%2"_s.arg(h.id).arg(piece.page + 1)));
    annot.replaceKey("/T", text(m_options.author));
    annot.replaceKey("/Subj", text(subjectOf(m_s, h)));
    annot.replaceKey("/Contents", text(contentsOf(m_s, h)));
    annot.replaceKey("/M", text(pdfDate(h.modified.isValid() ? h.modified : QDateTime::currentDateTimeUtc())));
    annot.replaceKey("/CreationDate", text(pdfDate(h.created.isValid() ? h.created : QDateTime::currentDateTimeUtc())));
    annot.replaceKey("/AP", ap);
    annot = m_pdf.makeIndirectObject(annot);

    if (!page.hasKey("/Annots") || !page.getKey("/Annots").isArray())
        page.replaceKey("/Annots", QPDFObj::newArray());
    page.getKey("/Annots").appendItem(annot);
}

void Annotations::outline(const QList<Mark> &marks)
{
    if (marks.isEmpty())
        return;
    QPDFObj outlines = m_pdf.makeIndirectObject(QPDFObj::newDictionary());
    outlines.replaceKey("/Type", QPDFObj::newName("/Outlines"));
    QList<QPDFObj> items;
    for (const Mark &m : marks) {
        QPDFObj dest = QPDFObj::newArray();
        dest.appendItem(m_pages.at(size_t(m.page)).getObjectHandle());
        dest.appendItem(QPDFObj::newName("/XYZ"));
        dest.appendItem(QPDFObj::newNull());
        dest.appendItem(real(m_pageHeight - m.top * PointsPerUnit));
        dest.appendItem(QPDFObj::newNull());
        QPDFObj item = m_pdf.makeIndirectObject(QPDFObj::newDictionary());
        item.replaceKey("/Title", text(m.title));
        item.replaceKey("/Parent", outlines);
        item.replaceKey("/Dest", dest);
        items.append(item);
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            items[i].replaceKey("/Prev", items.at(i - 1));
        if (i + 1 < items.size())
            items[i].replaceKey("/Next", items.at(i + 1));
    }
    outlines.replaceKey("/First", items.first());
    outlines.replaceKey("/Last", items.last());
    outlines.replaceKey("/Count", QPDFObj::newInteger(items.size()));
    QPDFObj root = m_pdf.getRoot();
    root.replaceKey("/Outlines", outlines);
    root.replaceKey("/PageMode", QPDFObj::newName("/UseOutlines"));
}

void Annotations::information()
{
    QPDFObj trailer = m_pdf.getTrailer();
    QPDFObj info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = m_pdf.makeIndirectObject(QPDFObj::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    info.replaceKey("/Title", text(m_s.title));
    info.replaceKey(
        "/Subject",
        text(QCoreApplication::translate("Export", "How %n outlets reported one story", "", int(m_s.articles.size()))));
    if (!m_options.author.isEmpty())
        info.replaceKey("/Author", text(m_options.author));
    info.replaceKey("/Creator", text(u"Parallax %1"_s.arg(QCoreApplication::applicationVersion())));
    if (!info.hasKey("/CreationDate"))
        info.replaceKey("/CreationDate", text(m_now));
    info.replaceKey("/ModDate", text(m_now));
}

} // namespace

Result writePdf(const Snapshot &s, const QString &path, const PdfOptions &options, const Progress &progress)
{
    const int total = int(s.articles.size()) + 3;
    auto cancelled = [&](int done) { return progress && !progress(done, total); };
    if (cancelled(0))
        return {{}, true};

    QByteArray printed;
    QBuffer buffer(&printed);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(Resolution);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(s.title);
    writer.setCreator(u"Parallax %1"_s.arg(QCoreApplication::applicationVersion()));
    Pages pages(writer, s);
    if (!pages.begin())
        return {u"the PDF could not be laid out"_s};
    pages.cover();
    pages.claims();
    if (cancelled(2)) {
        pages.end();
        return {{}, true};
    }
    for (int i = 0; i < s.articles.size(); ++i) {
        pages.article(s.articles.at(i));
        if (cancelled(3 + i)) {
            pages.end();
            return {{}, true};
        }
    }
    pages.end();
    buffer.close();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {u"%1: cannot write (%2)"_s.arg(QFileInfo(path).fileName(), file.errorString())};
    if (!options.annotate) {
        if (file.write(printed) != printed.size() || !file.commit())
            return {u"%1: cannot write (%2)"_s.arg(QFileInfo(path).fileName(), file.errorString())};
        return {};
    }
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("export", printed.constData(), size_t(printed.size()));
        Annotations annotations(pdf, s, options, writer.pageLayout().fullRect(QPageLayout::Point).height());
        if (annotations.pageCount() != size_t(pages.pageCount()))
            return {u"the PDF has %1 pages, %2 were laid out"_s.arg(annotations.pageCount()).arg(pages.pageCount())};
        for (const Piece &piece : pages.pieces())
            annotations.add(piece);
        annotations.outline(pages.marks());
        annotations.information();
        if (cancelled(total - 1))
            return {{}, true};
        bool written = true;
        Pl_Function sink("parallax-export", nullptr, [&](unsigned char const *data, size_t length) {
            written = written && file.write(reinterpret_cast<const char *>(data), qint64(length)) == qint64(length);
        });
        QPDFWriter out(pdf);
        out.setOutputPipeline(&sink);
        // Qt's page streams are already compressed: copy them as they are, compress only the new ones.
        out.setDecodeLevel(qpdf_dl_none);
        out.write();
        if (!written)
            return {u"%1: cannot write (%2)"_s.arg(QFileInfo(path).fileName(), file.errorString())};
    } catch (const std::exception &e) {
        return {u"the PDF could not be annotated (%1)"_s.arg(QString::fromLocal8Bit(e.what()))};
    }
    if (cancelled(total))
        return {{}, true};
    if (!file.commit())
        return {u"%1: cannot write (%2)"_s.arg(QFileInfo(path).fileName(), file.errorString())};
    return {};
}

} // namespace Export
