#pragma once

#include "article.h"

#include <QFrame>
#include <QSet>

#include <functional>

class AnnotationStore;
class CueHighlighter;
class HighlightLayer;
class QLabel;
class QTextBlock;
class QTextBrowser;

// One article in a column: outlet, headline and date on top, the body below, scrolling on its own.
//
// A pane made with a body loader is lazy: it shows its header at once, but loads the body, lays
// it out, and applies highlights and cues only when it first comes on screen (or when something
// asks for its text), so that a workspace of a thousand shown articles opens as fast as one of
// five.
class ReadingPane : public QFrame
{
    Q_OBJECT
public:
    using BodyLoader = std::function<QString()>;
    ReadingPane(const ArticleSummary &article, const QString &body, QWidget *parent = nullptr);
    ReadingPane(const ArticleSummary &article, BodyLoader loader, QWidget *parent = nullptr);

    qint64 articleId() const { return m_article.id; }
    QString headline() const { return m_article.headline; }
    void updateSummary(const ArticleSummary &article);
    // The text view; the body is loaded first if it was not yet.
    QTextBrowser *textView() const;
    // Whether the body has been loaded and laid out (a lazy pane off screen has not).
    bool isLoaded() const { return m_loaded; }
    // Loads the body now, with its highlights and cues.
    void ensureLoaded();

    // Shows the article's highlights from this store (after checking their anchors against the
    // text); null shows none.
    void setStore(AnnotationStore *store);
    HighlightLayer *highlightLayer() const;

    // The selected text as [start, end) offsets into the article body; start == end when nothing
    // is selected.
    std::pair<int, int> selectedRange() const;
    // Selects a passage and scrolls it into the middle of the pane.
    void showPassage(int start, int end);
    void clearSelection();

    // Reading cues (quotations, attributions, hedges, figures, dates) painted in the text, in the
    // colours of the theme that fits the pane's palette; off removes them.
    void setReadingCues(bool on);
    CueHighlighter *cueHighlighter() const;

    // The article body as the pane shows it, paragraphs separated by '\n'.
    QString bodyText() const;

Q_SIGNALS:
    void highlightClicked(qint64 highlightId);
    // A right click (or the menu key) in the text; the caret has been moved there unless it was
    // inside a selection.
    void contextMenuRequested(const QPoint &globalPos);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void makeHeader();
    void fillHeader();
    void applyStore();
    void applyCues();
    // The first block that shows in the text view now, and the last one that shows below it (an
    // estimate that errs on the side of more).
    QTextBlock firstBlockInView() const;
    QTextBlock lastBlockInView(const QTextBlock &first) const;
    // Cues the blocks that show in the text view now (or through last).
    void cueVisibleBlocks();
    void cueThrough(const QTextBlock &last);
    // The blocks from first to last keep their shaped text for the paint after their next layout.
    void keepShapesInView(const QTextBlock &first, const QTextBlock &last);

    ArticleSummary m_article;
    QWidget *m_header = nullptr;
    QFrame *m_rule = nullptr;
    QLabel *m_outlet = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_meta = nullptr;
    QTextBrowser *m_text = nullptr;
    HighlightLayer *m_layer = nullptr;
    CueHighlighter *m_cues = nullptr;
    BodyLoader m_loader;
    bool m_loaded = false;
    AnnotationStore *m_store = nullptr; // applied once loaded
    bool m_cuesOn = false; // applied once loaded
    bool m_painted = false; // the text has been painted once: the cues off screen may follow
    QSet<int> m_shapesKept; // numbers of the blocks whose layouts keep their shaped glyphs
};
