#pragma once

#include <QWidget>

class AnnotationStore;
class ClaimFilterModel;
class ClaimsModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QTreeView;

// The claims, each with its appearances, filtered by text, status and tag and sorted by any
// column. Choosing a claim or an appearance reports it, for the panes to follow.
class ClaimsPanel : public QWidget
{
    Q_OBJECT
public:
    ClaimsPanel(ClaimsModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    ClaimFilterModel *filterModel() const { return m_filter; }
    qint64 currentClaim() const;
    // Selects a claim (and an appearance of it, when highlightId is given) without re-announcing it.
    void selectClaim(qint64 claimId, qint64 highlightId = 0);
    // The claim before or after the current one, in the order shown; 0 when there is none.
    qint64 neighbour(int delta) const;
    // Up to this many claims shown, the tree opens with every claim expanded.
    static constexpr int ExpandAllUpTo = 200;
    void focusSearch();
    void reloadTags();

Q_SIGNALS:
    void claimChosen(qint64 claimId);
    void appearanceChosen(qint64 claimId, qint64 highlightId);

private:
    ClaimsModel *m_model;
    ClaimFilterModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_tag;
    QTreeView *m_view;
    QLabel *m_empty;
    bool m_selecting = false;

    void updateEmptyState();
};
