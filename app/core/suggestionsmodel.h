#pragma once

#include "detect/suggestion.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <QSet>

class Workspace;

// Suggestions of shared claims: one top-level row per group (label, kind, how many articles,
// score) and under it one row per passage (outlet and text). A new detection run replaces the
// list; suggestions that are rejected or already made into a claim are left out, row by row as
// that changes (and back in place when it is undone).
class SuggestionsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { LabelColumn, KindColumn, ArticlesColumn, ColumnCount };

    explicit SuggestionsModel(QObject *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    // A detection run's results; the excluded keys are left out.
    void setSuggestions(const QList<Detect::Suggestion> &suggestions, const QSet<QByteArray> &excluded);
    // Changes which keys are left out, removing and inserting only the rows concerned.
    void setExcluded(const QSet<QByteArray> &excluded);
    const QList<Detect::Suggestion> &allSuggestions() const { return m_all; }

    const Detect::Suggestion *suggestionAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<int> visible() const; // indexes into m_all of the rows shown, in order
    QString outletOf(qint64 articleId) const;
    QString textOf(const Detect::Passage &p) const;

    QPointer<Workspace> m_workspace;
    QList<Detect::Suggestion> m_all;
    QSet<QByteArray> m_excluded;
    QList<int> m_rows; // m_all indexes of the visible rows
    mutable QHash<qint64, QString> m_bodies;
    mutable QHash<qint64, QString> m_outlets;
};
