#pragma once

#include "article.h"

#include <QFrame>

class AnnotationStore;
class CueHighlighter;
class HighlightLayer;
class QLabel;
class QTextBrowser;

// One article in a column: outlet, headline and date on top, the body below, scrolling on its own.
class ReadingPane : public QFrame
{
    Q_OBJECT
public:
    ReadingPane(const ArticleSummary &article, const QString &body, QWidget *parent = nullptr);

    qint64 articleId() const { return m_article.id; }
    QString headline() const { return m_article.headline; }
    void updateSummary(const ArticleSummary &article);
    QTextBrowser *textView() const { return m_text; }

    // Shows the article's highlights from this store (after checking their anchors against the
    // text); null shows none.
    void setStore(AnnotationStore *store);
    HighlightLayer *highlightLayer() const { return m_layer; }

    // The selected text as [start, end) offsets into the article body; start == end when nothing
    // is selected.
    std::pair<int, int> selectedRange() const;
    // Selects a passage and scrolls it into the middle of the pane.
    void showPassage(int start, int end);
    void clearSelection();

    // Reading cues (quotations, attributions, hedges, figures, dates) painted in the text, in the
    // colours of the theme that fits the pane's palette; off removes them.
    void setReadingCues(bool on);
    CueHighlighter *cueHighlighter() const { return m_cues; }

    // The article body as the pane shows it, paragraphs separated by '\n'.
    QString bodyText() const;

Q_SIGNALS:
    void highlightClicked(qint64 highlightId);
    // A right click (or the menu key) in the text; the caret has been moved there unless it was
    // inside a selection.
    void contextMenuRequested(const QPoint &globalPos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillHeader();

    ArticleSummary m_article;
    QLabel *m_outlet = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_meta = nullptr;
    QTextBrowser *m_text = nullptr;
    HighlightLayer *m_layer = nullptr;
    CueHighlighter *m_cues = nullptr;
};
