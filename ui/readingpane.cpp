#include "readingpane.h"

#include "annotationstore.h"
#include "cuehighlighter.h"
#include "highlightlayer.h"
#include "typography.h"

#include <QFontMetricsF>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBlockFormat>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <cmath>

namespace {

// "2023-04-20T10:00:00Z" → "20 April 2023" in the reader's locale; anything else as given.
QString readableDate(const QString &iso)
{
    if (iso.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODate);
    QDate date = dt.isValid() ? dt.date() : QDate::fromString(iso.left(10), Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QLocale::LongFormat) : iso;
}

// For estimating which blocks show without laying them out: a width per character narrower than
// the font gives prose (three quarters of its average over the letters and the space), and the
// height of its glyphs. Worked out once per font, not once per pane.
std::pair<qreal, qreal> narrowMetrics(const QFont &font)
{
    static QHash<QString, std::pair<qreal, qreal>> known;
    const QString key = font.key();
    auto found = known.constFind(key);
    if (found != known.constEnd())
        return *found;
    const QFontMetricsF metrics(font);
    const QString letters = QStringLiteral("abcdefghijklmnopqrstuvwxyz ");
    const qreal average = std::min(metrics.averageCharWidth(), metrics.horizontalAdvance(letters) / letters.size());
    return *known.insert(key, {std::max<qreal>(1, 0.75 * average), std::max<qreal>(1, metrics.height())});
}

// A word-wrapped label that remembers its height at each width. While a pane is shown, its nested
// layouts ask each header label for its height at the same few widths some twenty-five times
// over, and a label whose text can be selected lays the text out in a document every time.
class WrappedLabel : public QLabel
{
public:
    using QLabel::QLabel;

    int heightForWidth(int width) const override
    {
        if (text() != m_textOfHeights || m_heights.size() > 8) {
            m_heights.clear();
            m_textOfHeights = text();
        }
        auto known = m_heights.constFind(width);
        if (known == m_heights.constEnd())
            known = m_heights.insert(width, QLabel::heightForWidth(width));
        return *known;
    }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
            || event->type() == QEvent::ContentsRectChange)
            m_heights.clear();
        QLabel::changeEvent(event);
    }

private:
    mutable QHash<int, int> m_heights;
    mutable QString m_textOfHeights;
};

// A headline whose text can be selected with the mouse, as a label that can: but the label gets
// the text document selecting needs only when a mouse button is first pressed on it. Until then
// it lays its lines out as a plain label, which breaks them at the same places and is as tall
// (QLabel draws both through QTextLayout), at a fraction of the cost for every pane that opens.
class HeadlineLabel : public WrappedLabel
{
public:
    explicit HeadlineLabel(QWidget *parent)
        : WrappedLabel(parent)
    {
        setCursor(Qt::IBeamCursor);
    }

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        if (!(textInteractionFlags() & Qt::TextSelectableByMouse)) {
            setTextInteractionFlags(Qt::TextSelectableByMouse); // the press below starts the selection
            // Qt chose whom to focus before it delivered this press, when the label took no focus:
            // it takes it now, as a selectable label does on a click, so Ctrl+C copies what is
            // selected next. (A focus policy set from the start would cost every pane's first
            // paint 4 M instructions, measured.)
            setFocus(Qt::MouseFocusReason);
        }
        WrappedLabel::mousePressEvent(event);
    }
};

} // namespace

ReadingPane::ReadingPane(const ArticleSummary &article, const QString &body, QWidget *parent)
    : ReadingPane(article, BodyLoader([body] { return body; }), parent)
{
    ensureLoaded();
}

ReadingPane::ReadingPane(const ArticleSummary &article, BodyLoader loader, QWidget *parent)
    : QFrame(parent)
    , m_article(article)
    , m_loader(std::move(loader))
{
    setObjectName(QStringLiteral("readingPane"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(Typography::MinPaneWidth);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    // Header, rule and text, and the layout that holds them, are made when the pane loads: a
    // workspace may show a thousand panes, and a pane off screen costs no more than its frame
    // (word-wrapped labels cost a text layout each time the strip asks for their height; dates
    // are formatted for the locale).
}

void ReadingPane::makeHeader()
{
    auto *header = m_header = new QWidget(this);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(22, 18, 22, 12);
    headerLayout->setSpacing(6);
    m_outlet = new QLabel(header);
    m_outlet->setObjectName(QStringLiteral("outlet"));
    m_outlet->setFont(Typography::outletFont());
    m_outlet->setForegroundRole(QPalette::Highlight); // the accent colour, softer than link blue
    m_headline = new HeadlineLabel(header);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setFont(Typography::headlineFont());
    m_headline->setWordWrap(true);
    m_meta = new WrappedLabel(header);
    m_meta->setObjectName(QStringLiteral("meta"));
    m_meta->setFont(Typography::metaFont());
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_meta->setWordWrap(true);
    headerLayout->addWidget(m_outlet);
    headerLayout->addWidget(m_headline);
    headerLayout->addWidget(m_meta);

    m_rule = new QFrame(this);
    m_rule->setFrameShape(QFrame::HLine);
    m_rule->setFrameShadow(QFrame::Plain);
    m_rule->setForegroundRole(QPalette::Mid);
    fillHeader();
}

void ReadingPane::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    const QString body = m_loader ? m_loader() : QString();
    m_loader = nullptr;

    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("articleText"));
    m_text->setFrameShape(QFrame::NoFrame);
    // The scroll bar keeps its place even when the article fits: the text never reflows because
    // a bar came or went (resizing the window, a highlight note opening), and a new pane is laid
    // out once, at its width, instead of once without the bar and again with it.
    m_text->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_text->setOpenLinks(false);
    // A caret and Shift+arrows: passages can be selected and annotated without a mouse.
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    m_text->installEventFilter(this);
    // After the scroll area's own filter, so this one sees a resize first: the blocks that come
    // into view get their cues before the text is laid out at its width and painted.
    m_text->viewport()->installEventFilter(this);
    connect(m_text->verticalScrollBar(), &QScrollBar::valueChanged, this, &ReadingPane::cueVisibleBlocks);
    m_text->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_text, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTextCursor c = m_text->textCursor();
        const int at = m_text->cursorForPosition(pos).position();
        if (!c.hasSelection() || at < c.selectionStart() || at > c.selectionEnd()) {
            c.setPosition(at);
            m_text->setTextCursor(c);
        }
        Q_EMIT contextMenuRequested(m_text->viewport()->mapToGlobal(pos));
    });
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setAccessibleName(tr("Text of %1").arg(m_article.headline));

    // The document holds exactly the stored body: paragraph breaks are its only separators, so a
    // position in the document is an offset into the article text.
    QTextDocument *doc = m_text->document();
    doc->setDefaultFont(Typography::bodyFont());
    doc->setUndoRedoEnabled(false); // highlight formats are not edits to undo here
    doc->setDocumentMargin(22);
    doc->setPlainText(body);
    QTextBlockFormat paragraph;
    paragraph.setLineHeight(Typography::LineHeightPercent, QTextBlockFormat::ProportionalHeight);
    paragraph.setBottomMargin(Typography::ParagraphSpacing);
    QTextCursor all(doc);
    all.select(QTextCursor::Document);
    all.mergeBlockFormat(paragraph);
    doc->clearUndoRedoStacks();
    doc->setModified(false);
    m_text->moveCursor(QTextCursor::Start); // a new pane opens at the top of the article

    makeHeader();
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(0);
    box->addWidget(m_header);
    box->addWidget(m_rule);
    box->addWidget(m_text, 1);
    // Highlights and cues go on before the text is shown: shown, it is laid out at its width,
    // and a format set after that would lay its paragraphs out a second time. (The cues of the
    // blocks that show are worked out again, at the real size, when the view gets it.)
    applyStore();
    applyCues();
    if (isVisible()) {
        m_header->show();
        m_rule->show();
        m_text->show();
    }
}

QTextBrowser *ReadingPane::textView() const
{
    const_cast<ReadingPane *>(this)->ensureLoaded();
    return m_text;
}

HighlightLayer *ReadingPane::highlightLayer() const
{
    const_cast<ReadingPane *>(this)->ensureLoaded();
    return m_layer;
}

CueHighlighter *ReadingPane::cueHighlighter() const
{
    const_cast<ReadingPane *>(this)->ensureLoaded();
    return m_cues;
}

bool ReadingPane::event(QEvent *event)
{
    // The strip loads the panes it is about to show; whatever it missed loads here, before any
    // of its text is painted (children paint after their parent).
    if (event->type() == QEvent::Paint && !m_loaded)
        ensureLoaded();
    return QFrame::event(event);
}

void ReadingPane::updateSummary(const ArticleSummary &article)
{
    m_article = article;
    fillHeader();
}

void ReadingPane::fillHeader()
{
    if (!m_header)
        return; // made, and filled, when the pane loads
    const ArticleSummary &a = m_article;
    m_outlet->setText(a.outlet.isEmpty() ? a.sourceName : a.outlet);
    m_headline->setText(a.headline);
    QStringList meta;
    const QString date = readableDate(a.published);
    meta << (date.isEmpty() ? tr("Date unknown") : date);
    if (!a.author.isEmpty())
        meta << tr("by %1").arg(a.author);
    m_meta->setText(meta.join(QStringLiteral("  ·  ")));
    QStringList tip;
    if (!a.url.isEmpty())
        tip << a.url;
    tip << tr("Imported from %1 on %2")
               .arg(a.sourceName, QLocale().toString(a.imported.toLocalTime(), QLocale::ShortFormat));
    m_meta->setToolTip(tip.join(QLatin1Char('\n')));
}

void ReadingPane::setStore(AnnotationStore *store)
{
    m_store = store;
    if (m_loaded)
        applyStore();
}

void ReadingPane::applyStore()
{
    delete m_layer;
    m_layer = nullptr;
    if (!m_store)
        return;
    m_store->reanchor(m_article.id, bodyText());
    m_layer = new HighlightLayer(m_text, m_store, m_article.id, this);
    connect(m_layer, &HighlightLayer::highlightClicked, this, &ReadingPane::highlightClicked);
}

QString ReadingPane::bodyText() const
{
    QString body = textView()->document()->toRawText();
    body.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return body;
}

void ReadingPane::setReadingCues(bool on)
{
    m_cuesOn = on;
    if (m_loaded)
        applyCues();
}

void ReadingPane::applyCues()
{
    if (m_cuesOn == (m_cues != nullptr))
        return;
    if (m_cuesOn) {
        // The blocks on screen now; the rest once the text has been painted (or at once when it is
        // not on screen), a slice at a time, so that the first paint does not wait for them.
        m_cues = new CueHighlighter(m_text->document(), m_text->palette());
        cueVisibleBlocks();
        if (m_painted || !isVisible())
            m_cues->cueRestWhenIdle();
    } else {
        delete m_cues; // takes its formats with it; the highlights' formats stay
        m_cues = nullptr;
    }
}

QTextBlock ReadingPane::firstBlockInView() const
{
    return m_text->verticalScrollBar()->value() == 0 ? m_text->document()->firstBlock()
                                                     : m_text->cursorForPosition(QPoint(0, 0)).block();
}

QTextBlock ReadingPane::lastBlockInView(const QTextBlock &first) const
{
    // Which blocks show is worked out from their lengths, not from a layout: laying the text out
    // to find them would lay them out once without their cues and again with them. The estimate
    // errs on the side of more: each block is given the fewest lines its characters could take
    // (at a width per character narrower than the body font gives any prose), each line the
    // height of the font's glyphs alone, then its margins.
    QTextDocument *doc = m_text->document();
    QWidget *viewport = m_text->viewport();
    const bool atTop = m_text->verticalScrollBar()->value() == 0;
    QTextBlock block = first;
    const auto [narrowChar, glyphHeight] = narrowMetrics(doc->defaultFont());
    const qreal margin = doc->documentMargin();
    const qreal perLine = std::max<qreal>(1, (viewport->width() - 2 * margin) / narrowChar);
    qreal room = viewport->height() - (atTop ? margin : 0);
    while (block.isValid() && block.next().isValid()) {
        const QTextBlockFormat format = block.blockFormat();
        const qreal lines = std::ceil(std::max(1, block.length() - 1) / perLine);
        room -= lines * format.lineHeight(glyphHeight, 1) + format.topMargin() + format.bottomMargin();
        if (room <= 0)
            break; // the last block that shows, perhaps in part
        block = block.next();
    }
    return block;
}

void ReadingPane::cueVisibleBlocks()
{
    if (!m_cues || m_cues->isComplete())
        return;
    cueThrough(lastBlockInView(firstBlockInView()));
}

void ReadingPane::cueThrough(const QTextBlock &last)
{
    if (m_cues && !m_cues->isComplete() && last.isValid())
        m_cues->cueThrough(last.blockNumber());
}

void ReadingPane::keepShapesInView(const QTextBlock &firstBlock, const QTextBlock &last)
{
    // A paragraph's layout normally lets go of its shaped glyphs once its lines are broken, so
    // painting it shapes its text a second time. The paragraphs about to be laid out and painted
    // at a new size keep theirs (a first screen of text, not the article): the first paint of a
    // pane, and the one after each resize, shape the text they show once.
    QTextDocument *doc = m_text->document();
    const int first = firstBlock.blockNumber();
    const int end = last.isValid() ? last.blockNumber() : doc->blockCount() - 1;
    for (auto it = m_shapesKept.begin(); it != m_shapesKept.end();) {
        if (*it < first || *it > end) {
            if (const QTextBlock b = doc->findBlockByNumber(*it); b.isValid())
                b.layout()->setCacheEnabled(false);
            it = m_shapesKept.erase(it);
        } else {
            ++it;
        }
    }
    for (QTextBlock b = doc->findBlockByNumber(first); b.isValid() && b.blockNumber() <= end; b = b.next()) {
        if (!m_shapesKept.contains(b.blockNumber())) {
            b.layout()->setCacheEnabled(true);
            m_shapesKept.insert(b.blockNumber());
        }
    }
}

std::pair<int, int> ReadingPane::selectedRange() const
{
    if (!m_loaded)
        return {0, 0}; // a pane never loaded has nothing selected
    const QTextCursor c = m_text->textCursor();
    return {c.selectionStart(), c.selectionEnd()};
}

void ReadingPane::showPassage(int start, int end)
{
    // A pane far from the view waits hidden in its place (PaneStrip): shown now, its text is laid
    // out at its own width, so the passage is centred where it will be read, not in a layout made
    // for a text view that was never given its size.
    if (isHidden())
        show();
    ensureLoaded();
    QTextCursor c(m_text->document());
    const int last = m_text->document()->characterCount() - 1;
    c.setPosition(std::clamp(end, 0, last));
    c.setPosition(std::clamp(start, 0, last), QTextCursor::KeepAnchor);
    m_text->setTextCursor(c);
    // Centre the passage rather than leaving it at the very edge.
    const QRect r = m_text->cursorRect(c);
    QScrollBar *bar = m_text->verticalScrollBar();
    bar->setValue(bar->value() + r.center().y() - m_text->viewport()->height() / 3);
}

void ReadingPane::clearSelection()
{
    if (!m_loaded)
        return; // nothing to clear, and no reason to load the text for it
    QTextCursor c = m_text->textCursor();
    c.clearSelection();
    m_text->setTextCursor(c);
}

bool ReadingPane::eventFilter(QObject *watched, QEvent *event)
{
    // Light to dark (or back): the cues take the theme that fits the text's new palette.
    if (watched == m_text && event->type() == QEvent::PaletteChange && m_cues)
        m_cues->setPalette(m_text->palette());
    if (m_text && watched == m_text->viewport()) {
        if (event->type() == QEvent::Resize) {
            // The blocks in view, worked out once for both.
            const QTextBlock first = firstBlockInView();
            const QTextBlock last = lastBlockInView(first);
            keepShapesInView(first, last);
            cueThrough(last);
        } else if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            if (m_cues)
                m_cues->cueRestWhenIdle(); // after this paint: the timer waits for the event loop
        }
    }
    // The text is read-only, so Delete and Backspace mean nothing to it: let them reach the
    // window's shortcuts (Remove Highlight) instead of being claimed by the text view.
    if (watched == m_text && event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            event->ignore();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}
