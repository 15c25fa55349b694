#pragma once

#include "article.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

class Workspace;

// The workspace's articles in import order. Watches the workspace and reports exact row changes;
// resets only when a different workspace is set. Checking an item shows its article in a pane.
class ArticleListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit ArticleListModel(QObject *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    Workspace *workspace() const { return m_workspace; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(qint64 articleId) const;
    const ArticleSummary &articleAt(int row) const { return m_articles.at(row); }

private:
    void onArticlesAdded(const QList<qint64> &ids);
    void onArticleChanged(qint64 id);

    QPointer<Workspace> m_workspace;
    QList<ArticleSummary> m_articles;
    QHash<qint64, int> m_rows; // article id → row
};
