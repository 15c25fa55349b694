#pragma once

#include "article.h"
#include "textsearch.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

class Workspace;

// Where a query occurs across the workspace's articles, as a tree: one row per article that has
// matches (in import order), and under it one row per match showing a snippet around it. Follows
// the workspace: articles imported while a query is active get their rows inserted; a new query
// or a different workspace replaces everything (a reset).
class SearchResultsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    explicit SearchResultsModel(QObject *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    Workspace *workspace() const { return m_workspace; }

    QString query() const { return m_query; }
    // Searches every article for query; an empty or all-whitespace query gives no rows.
    void setQuery(const QString &query);

    int matchCount() const { return m_matchCount; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct ArticleResult {
        qint64 articleId = 0;
        QString outlet;
        QString headline;
        QList<TextMatch> matches;
    };

    QList<ArticleResult> search(const QList<ArticleSummary> &articles);
    void rebuild();
    void onArticlesAdded(const QList<qint64> &ids);
    void onArticleChanged(qint64 id);

    QPointer<Workspace> m_workspace;
    QString m_query;
    QString m_prepared; // m_query as SearchableText::find wants it
    mutable ArticleTextSearch m_search; // keeps prepared bodies; snippets are made as rows are shown
    QList<ArticleResult> m_results;
    // Match rows carry their article's id; this finds the article's row again.
    QHash<qint64, int> m_rowOf;
    int m_matchCount = 0;
};
