#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QTimer;
class QTreeView;
class SearchResultsModel;
class Workspace;

// Search across all articles of a workspace: a query field that searches as the reader types, and
// the results per article, each match a jump to its place in the article's pane.
class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPanel(Workspace *workspace, QWidget *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    SearchResultsModel *model() const { return m_model; }

    // Puts the cursor in the query field with its text selected. Escape later returns focus to the
    // widget that had it before.
    void startSearch();

Q_SIGNALS:
    // The reader chose a match: [start, end) in the article's body.
    void jumpRequested(qint64 articleId, int start, int end);
    // The reader is done searching (Escape).
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runQuery();
    void updateStatus();
    void jumpTo(const QModelIndex &index);
    // Goes to the match after (delta 1) or before (delta -1) the current one, wrapping around.
    void step(int delta);
    QModelIndex neighbourMatch(const QModelIndex &from, int delta) const;
    void leave();

    SearchResultsModel *m_model = nullptr;
    QLineEdit *m_query = nullptr;
    QLabel *m_status = nullptr;
    QTreeView *m_results = nullptr;
    QTimer *m_debounce = nullptr;
    QPointer<QWidget> m_returnFocus;
};
