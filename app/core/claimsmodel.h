#pragma once

#include "annotation.h"

#include <QAbstractItemModel>
#include <QPointer>

#include "annotationstore.h"

// Claims with their appearances: one top-level row per claim (title, status, number of articles
// reporting it), and under it one row per appearance ordered by article and position (outlet and
// quote, wording). Observes the store and reports exact row changes.
class ClaimsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, StatusColumn, ReportsColumn, ColumnCount };

    explicit ClaimsModel(QObject *parent = nullptr);

    void setStore(AnnotationStore *store);
    AnnotationStore *store() const { return m_store; }
    // A workspace with more appearances than this loads its claims on a worker thread, through a
    // read-only connection of its own, and the list fills when they are read (isLoading() until
    // then; changes made meanwhile are caught up with at once). -1, the default: always at once.
    void setBackgroundLoadingAbove(int appearances) { m_backgroundAbove = appearances; }
    bool isLoading() const { return m_loading; }
    // While held, a background load waits (the window holds it until it has painted, so that
    // the worker does not compete with the first paint for the processor).
    void holdBackgroundLoading(bool hold);

    QModelIndex indexOfClaim(qint64 claimId, int column = 0) const;
    QModelIndex indexOfAppearance(qint64 claimId, qint64 highlightId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void loadingChanged(bool loading);

private:
    struct AppearanceRow {
        Appearance appearance;
        Highlight highlight;
        QString outlet;
    };
    struct ClaimRow {
        Claim claim;
        QList<qint64> tags;
        QList<AppearanceRow> appearances;
    };

    struct Loaded {
        QList<Claim> claims;
        QHash<qint64, QList<qint64>> claimTags;
        QList<std::pair<Appearance, Highlight>> appearances;
    };
    static Loaded read(const AnnotationStore &store);
    static Loaded readFrom(const QString &path);
    void reload();
    void fill(Loaded loaded);
    void loadInBackground();
    void startLoading();
    bool caughtUp(); // false while loading: the change is taken in by a reload when it ends
    int rowOfClaim(qint64 claimId) const;
    int rowOfAppearance(const ClaimRow &claim, qint64 highlightId) const;
    AppearanceRow makeAppearanceRow(const Appearance &a) const;
    void refreshClaim(qint64 claimId);
    int reportCount(const ClaimRow &row) const;
    QColor colourOf(const ClaimRow &row) const;

    void onClaimAdded(qint64 id);
    void onClaimRemoved(qint64 id);
    void onAppearanceAdded(qint64 highlightId, qint64 claimId);
    void onAppearanceRemoved(qint64 highlightId, qint64 claimId);
    void onAppearanceChanged(qint64 highlightId, qint64 claimId);
    void onHighlightChanged(qint64 highlightId);

    QPointer<AnnotationStore> m_store;
    int m_backgroundAbove = -1;
    bool m_loading = false;
    bool m_hold = false;
    bool m_loadStarted = false;
    bool m_changedWhileLoading = false;
    quint64 m_generation = 0; // which store a background load belongs to
    QList<ClaimRow> m_claims;
    QList<Tag> m_tags;
};
