#pragma once

#include <QScrollArea>

class AnnotationStore;
struct ArticleSummary;
class ArticleListModel;
class QHBoxLayout;
class QLabel;
class ReadingPane;
class Workspace;

// The articles side by side: one reading pane per shown article, as many as fit the width, the
// rest reached by scrolling sideways. Follows the article list model: ticking an article there
// adds its pane, unticking removes it, importing adds panes at the end.
class PaneStrip : public QScrollArea
{
    Q_OBJECT
public:
    explicit PaneStrip(QWidget *parent = nullptr);

    void setModel(ArticleListModel *model);
    // Panes show the highlights of this store.
    void setStore(AnnotationStore *store);
    // The pane holding the keyboard focus, if any.
    ReadingPane *focusedPane() const;
    QList<ReadingPane *> panes() const;
    ReadingPane *paneFor(qint64 articleId) const;
    // Brings an article's pane into view, and the keyboard focus into it when focus is true
    // (not when following a choice made in another panel, which keeps the focus).
    void scrollToPane(qint64 articleId, bool focus = true);
    // Moves keyboard focus to the pane delta places from the focused one (or the first),
    // scrolling it into view.
    void focusNeighbour(int delta);
    // Reading cues in every pane, those shown later included.
    void setReadingCues(bool on);
    bool readingCues() const { return m_cues; }

Q_SIGNALS:
    void highlightClicked(qint64 highlightId);
    void contextMenuRequested(ReadingPane *pane, const QPoint &globalPos);
    // The strip is being painted (its panes next): for work that should wait for a first paint.
    void painting();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Loads the panes that are (partly) in view; the others wait until they are.
    void loadVisiblePanes();
    void rebuild();
    void syncRow(int row);
    ReadingPane *addPane(const ArticleSummary &article, int position);
    void updateEmptyState();

    ArticleListModel *m_model = nullptr;
    AnnotationStore *m_store = nullptr;
    QWidget *m_strip = nullptr;
    QHBoxLayout *m_layout = nullptr;
    QLabel *m_empty = nullptr;
    bool m_cues = false;
};
