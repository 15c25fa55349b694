#include "highlightlayer.h"

#include "annotationstore.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QSet>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>

namespace {
// A tint light enough to read through, the same in light and dark palettes.
QColor tint(QColor c, int layers)
{
    c.setAlphaF(std::min(0.85f, 0.30f + 0.18f * float(layers - 1)));
    return c;
}
} // namespace

HighlightLayer::HighlightLayer(QTextBrowser *view, AnnotationStore *store, qint64 articleId, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_store(store)
    , m_articleId(articleId)
{
    view->viewport()->installEventFilter(this);
    view->viewport()->setMouseTracking(true);
    auto forThisArticle = [this](qint64, qint64 article) {
        if (article == m_articleId)
            scheduleRefresh();
    };
    connect(store, &AnnotationStore::highlightAdded, this, forThisArticle);
    connect(store, &AnnotationStore::highlightsAdded, this, [this](const QList<qint64> &articles) {
        if (articles.contains(m_articleId))
            scheduleRefresh();
    });
    connect(store, &AnnotationStore::highlightRemoved, this, forThisArticle);
    connect(store, &AnnotationStore::highlightChanged, this, forThisArticle);
    // Links and claims change colours and tooltips; cheap enough to recheck.
    connect(store, &AnnotationStore::appearanceAdded, this, &HighlightLayer::scheduleRefresh);
    connect(store, &AnnotationStore::appearanceRemoved, this, &HighlightLayer::scheduleRefresh);
    connect(store, &AnnotationStore::appearanceChanged, this, &HighlightLayer::scheduleRefresh);
    connect(store, &AnnotationStore::claimChanged, this, &HighlightLayer::scheduleRefresh);
    connect(store, &AnnotationStore::claimRemoved, this, &HighlightLayer::scheduleRefresh);
    connect(store, &AnnotationStore::tagsChanged, this, &HighlightLayer::scheduleRefresh);
    refreshNow();
}

void HighlightLayer::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_refreshPending)
            refreshNow();
    });
}

QColor HighlightLayer::colourOf(const Highlight &h) const
{
    for (const Appearance &a : m_links.value(h.id)) {
        const QColor c = claimColour(m_claims.value(a.claimId), m_claimTags.value(a.claimId), m_tags);
        if (c.isValid())
            return c;
    }
    return UnlinkedHighlightColour;
}

void HighlightLayer::refreshNow()
{
    m_refreshPending = false;
    if (!m_view || !m_store)
        return;
    m_highlights = m_store->highlightsOf(m_articleId);
    m_links.clear();
    m_claims.clear();
    m_claimTags.clear();
    m_tags = m_store->tags();
    // One query for the links of all the article's highlights: an article may hold thousands.
    for (const Appearance &a : m_store->appearancesInArticle(m_articleId)) {
        m_links[a.highlightId].append(a);
        if (!m_claims.contains(a.claimId)) {
            m_claims.insert(a.claimId, m_store->claim(a.claimId).value_or(Claim{}));
            m_claimTags.insert(a.claimId, m_store->tagsOfClaim(a.claimId));
        }
    }

    QTextDocument *doc = m_view->document();
    const int length = doc->characterCount() - 1;
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    // Back to the plain text, unless no layer has ever coloured this document: a format set over
    // the whole text makes all of it be laid out again, for nothing on a newly loaded article.
    static const char *Coloured = "parallaxHighlightsColoured";
    if (doc->property(Coloured).toBool()) {
        cursor.select(QTextCursor::Document);
        cursor.setCharFormat(QTextCharFormat());
    }
    // Overlapping highlights are allowed: split the text at every boundary and give each piece
    // the colour of its innermost (shortest) highlight, deeper the more highlights cover it.
    QList<int> bounds;
    for (const Highlight &h : std::as_const(m_highlights)) {
        if (h.orphaned || h.start >= length)
            continue;
        bounds << h.start << std::min(h.end, length);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    // A sweep over the boundaries: highlights come sorted by start, so each piece only looks at
    // the few that are open there, not at all of them.
    QList<const Highlight *> open;
    qsizetype next = 0;
    for (qsizetype i = 0; i + 1 < bounds.size(); ++i) {
        const int from = bounds.at(i), to = bounds.at(i + 1);
        for (; next < m_highlights.size() && m_highlights.at(next).start <= from; ++next) {
            if (!m_highlights.at(next).orphaned)
                open.append(&m_highlights.at(next));
        }
        open.removeIf([from](const Highlight *h) { return h->end <= from; });
        const Highlight *inner = nullptr;
        for (const Highlight *h : std::as_const(open)) {
            if (!inner || h->end - h->start < inner->end - inner->start)
                inner = h;
        }
        if (!inner)
            continue;
        QTextCharFormat format;
        format.setBackground(tint(colourOf(*inner), int(open.size())));
        cursor.setPosition(from);
        cursor.setPosition(to, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
        doc->setProperty(Coloured, true);
    }
    cursor.endEditBlock();
}

void HighlightLayer::refreshIfPending() const
{
    if (m_refreshPending)
        const_cast<HighlightLayer *>(this)->refreshNow();
}

const QList<Highlight> &HighlightLayer::highlights() const
{
    refreshIfPending();
    return m_highlights;
}

QList<Highlight> HighlightLayer::highlightsAt(int position) const
{
    refreshIfPending();
    QList<Highlight> result;
    for (const Highlight &h : m_highlights) {
        if (!h.orphaned && h.start <= position && position < h.end)
            result.append(h);
    }
    std::sort(result.begin(), result.end(),
              [](const Highlight &a, const Highlight &b) { return a.end - a.start < b.end - b.start; });
    return result;
}

QList<qint64> HighlightLayer::claimsOf(qint64 highlightId) const
{
    refreshIfPending();
    QList<qint64> ids;
    for (const Appearance &a : m_links.value(highlightId))
        ids.append(a.claimId);
    return ids;
}

QString HighlightLayer::describe(int position) const
{
    QStringList parts;
    for (const Highlight &h : highlightsAt(position)) {
        const QList<Appearance> links = m_links.value(h.id);
        if (links.isEmpty())
            parts << tr("<i>Highlight, not linked to a claim</i> (L links it)");
        for (const Appearance &a : links) {
            const Claim c = m_claims.value(a.claimId);
            QString status;
            for (const Tag &t : m_tags) {
                if (t.id == c.statusTag)
                    status = t.name;
            }
            QString line = QStringLiteral("<b>%1</b>").arg(c.title.toHtmlEscaped());
            line += QStringLiteral("<br>%1 · %2")
                        .arg(status.isEmpty() ? tr("no status") : status.toHtmlEscaped(),
                             wordingLabel(a.wording).toHtmlEscaped());
            if (!c.note.isEmpty())
                line += QStringLiteral("<br><i>%1</i>").arg(c.note.toHtmlEscaped());
            parts << line;
        }
        if (!h.note.isEmpty())
            parts << tr("Note: %1").arg(h.note.toHtmlEscaped());
    }
    return parts.join(QStringLiteral("<hr>"));
}

bool HighlightLayer::eventFilter(QObject *watched, QEvent *event)
{
    // Only the two events this layer handles; others (among them those a dying text view sends
    // while it is being destroyed) are not looked at, and the view is not touched for them.
    if (event->type() != QEvent::ToolTip && event->type() != QEvent::MouseButtonRelease)
        return false;
    if (!m_view || watched != m_view->viewport())
        return false;
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = describe(m_view->cursorForPosition(help->pos()).position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, m_view->viewport());
        return true;
    }
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        // A plain click (not the end of a text selection) on a highlight chooses its claim.
        if (mouse->button() == Qt::LeftButton && !m_view->textCursor().hasSelection()) {
            const QList<Highlight> here
                = highlightsAt(m_view->cursorForPosition(mouse->position().toPoint()).position());
            if (!here.isEmpty())
                Q_EMIT highlightClicked(here.first().id);
        }
    }
    return false;
}
