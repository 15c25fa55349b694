#pragma once

#include <QObject>
#include <QPointer>

#include "annotator.h"
class ClaimDetails;
class ClaimsModel;
class ClaimsPanel;
class PaneStrip;
class QAction;
class QMenu;
class QWidget;
class ReadingPane;

// The reader's annotation actions and the current claim. Keys work in the reading panes:
// H highlights the selection, L links it to a claim, U marks the claim unsupported, Delete
// removes the highlight under the cursor. Choosing a claim (in the claims panel, the coverage
// matrix, or by clicking a highlight) makes it current: every pane that reports it scrolls to
// its appearance and selects it, and the details panel shows it.
class AnnotationController : public QObject
{
    Q_OBJECT
public:
    AnnotationController(PaneStrip *panes, ClaimsPanel *panel, ClaimDetails *details, ClaimsModel *claims,
                         QWidget *window);

    void setAnnotator(Annotator *annotator);
    Annotator *annotator() const { return m_annotator; }
    // A read-only workspace: claims can be chosen and followed, nothing can be changed.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    qint64 currentClaim() const { return m_current; }
    // Makes a claim current; highlightId picks which appearance to bring to the front.
    void chooseClaim(qint64 claimId, qint64 highlightId = 0);
    // Selects passages in their panes (the first one of each article) and brings the first into view.
    void showPassages(const QList<Detect::Passage> &passages);

    QAction *highlightAction() const { return m_highlight; }
    QAction *linkAction() const { return m_link; }
    QAction *unsupportedAction() const { return m_unsupported; }
    QList<QAction *> statusActions() const { return m_statuses; }
    QAction *removeHighlightAction() const { return m_remove; }
    QAction *nextClaimAction() const { return m_next; }
    QAction *previousClaimAction() const { return m_previous; }

    // The menu a right click in a pane opens: copy, then the annotation actions.
    QMenu *contextMenu(ReadingPane *pane);

    // The passage the actions apply to in a pane: its selection, or the highlight under the cursor.
    static std::pair<int, int> targetRange(ReadingPane *pane);

Q_SIGNALS:
    void message(const QString &text);

private:
    bool canEdit() const { return m_annotator && !m_readOnly; }
    void highlightSelection();
    void linkSelection();
    void setStatus(qint64 statusTag);
    void removeHighlight();
    void step(int delta);
    qint64 claimForAction() const;
    void syncPanes(qint64 claimId, qint64 highlightId);

    PaneStrip *m_panes;
    ClaimsPanel *m_panel;
    ClaimDetails *m_details;
    ClaimsModel *m_claims;
    QWidget *m_window;
    QPointer<Annotator> m_annotator;
    bool m_readOnly = false;
    qint64 m_current = 0;
    QAction *m_highlight;
    QAction *m_link;
    QAction *m_unsupported;
    QList<QAction *> m_statuses;
    QAction *m_remove;
    QAction *m_next;
    QAction *m_previous;
};
