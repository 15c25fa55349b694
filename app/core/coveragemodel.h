#pragma once

#include "annotationstore.h"
#include "coverage.h"

#include <QAbstractTableModel>
#include <QPointer>

// The coverage matrix as a table: one row per claim; column 0 the number of articles reporting
// it, then one column per article. A cell says how that article words the claim (one letter per
// appearance: Q verbatim quote, P paraphrase, A attributed, H hedged, F stated as fact), empty when
// the article does not report it. Follows the store row by row.
class CoverageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int ReportsColumn = 0;
    static constexpr int FirstArticleColumn = 1;

    explicit CoverageModel(QObject *parent = nullptr);

    void setStore(AnnotationStore *store);
    // An inactive model (its view hidden) holds no rows and computes nothing as the store
    // changes; activating it computes the matrix once. Active by default.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    const Coverage &coverage() const { return m_coverage; }

    // One letter for a wording, as the cells show it.
    static QString wordingLetter(Wording w);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refreshClaim(qint64 claimId);
    void onArticlesAdded();

    void recompute();

    QPointer<AnnotationStore> m_store;
    bool m_active = true;
    Coverage m_coverage;
};
