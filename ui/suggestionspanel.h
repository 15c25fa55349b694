#pragma once

#include "detect/suggestion.h"

#include <QWidget>

class DetectionRunner;
class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTreeView;
class SuggestionsModel;

// Shared claims the detector proposes. Choosing a group shows its passages in every pane; A
// accepts it (a new claim with its appearances, one undoable step), M merges it into the current
// claim, R rejects it for good (undoable). Detection runs off the UI thread, with progress and
// Cancel, and again after an import.
class SuggestionsPanel : public QWidget
{
    Q_OBJECT
public:
    SuggestionsPanel(SuggestionsModel *model, DetectionRunner *runner, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    const Detect::Suggestion *currentSuggestion() const;
    // A read-only workspace: suggestions are shown, but cannot be accepted, merged or rejected.
    void setReadOnly(bool readOnly);

Q_SIGNALS:
    void passagesChosen(const QList<Detect::Passage> &passages);
    void acceptRequested(const Detect::Suggestion &suggestion);
    void mergeRequested(const Detect::Suggestion &suggestion);
    void rejectRequested(const Detect::Suggestion &suggestion);

private:
    void updateState();
    void showVariants();

    SuggestionsModel *m_model;
    DetectionRunner *m_runner;
    QTreeView *m_view;
    QTextBrowser *m_variants;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_detect;
    QPushButton *m_cancel;
    QPushButton *m_accept;
    QPushButton *m_merge;
    QPushButton *m_reject;
    bool m_readOnly = false;
};
