#pragma once

#include <QWidget>

class CoverageModel;
class QSortFilterProxyModel;
class QTableView;

// The coverage matrix: claims down, articles across, each cell how that article words the claim.
// Click (or Enter on) a cell to jump to the passage; click the Outlets header to sort by how many
// articles report each claim.
class CoverageView : public QWidget
{
    Q_OBJECT
public:
    explicit CoverageView(CoverageModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }

Q_SIGNALS:
    // A cell was chosen: highlightId is the claim's first appearance in that article, or 0.
    void cellChosen(qint64 claimId, qint64 articleId, qint64 highlightId);

private:
    QSortFilterProxyModel *m_sorted;
    QTableView *m_table;
};
