#include "articlelistmodel.h"

#include "roles.h"
#include "workspace.h"

ArticleListModel::ArticleListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ArticleListModel::setWorkspace(Workspace *workspace)
{
    beginResetModel();
    if (m_workspace)
        m_workspace->disconnect(this);
    m_workspace = workspace;
    m_articles = workspace ? workspace->articles() : QList<ArticleSummary>{};
    m_rows.clear();
    for (int row = 0; row < m_articles.size(); ++row)
        m_rows.insert(m_articles.at(row).id, row);
    if (workspace) {
        connect(workspace, &Workspace::articlesAdded, this, &ArticleListModel::onArticlesAdded);
        connect(workspace, &Workspace::articleChanged, this, &ArticleListModel::onArticleChanged);
    }
    endResetModel();
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_articles.size());
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const ArticleSummary &a = m_articles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return a.outlet.isEmpty() ? a.headline : QStringLiteral("%1 — %2").arg(a.outlet, a.headline);
    case Qt::ToolTipRole: {
        QStringList lines{a.headline};
        if (!a.outlet.isEmpty())
            lines << a.outlet;
        if (!a.published.isEmpty())
            lines << a.published;
        lines << tr("Imported from %1").arg(a.sourceName.isEmpty() ? tr("an unnamed file") : a.sourceName);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::CheckStateRole:
        return a.shown ? Qt::Checked : Qt::Unchecked;
    case Roles::ArticleIdRole:
        return a.id;
    case Roles::HeadlineRole:
        return a.headline;
    case Roles::OutletRole:
        return a.outlet;
    case Roles::AuthorRole:
        return a.author;
    case Roles::PublishedRole:
        return a.published;
    case Roles::UrlRole:
        return a.url;
    case Roles::SourceNameRole:
        return a.sourceName;
    case Roles::ShownRole:
        return a.shown;
    }
    return {};
}

bool ArticleListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!m_workspace || (role != Qt::CheckStateRole && role != Roles::ShownRole))
        return false;
    const bool shown = role == Qt::CheckStateRole ? value.value<Qt::CheckState>() == Qt::Checked : value.toBool();
    // The workspace reports the change back through articleChanged, which updates the row.
    return m_workspace->setArticleShown(m_articles.at(index.row()).id, shown);
}

Qt::ItemFlags ArticleListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ArticleListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(Roles::ArticleIdRole, "articleId");
    names.insert(Roles::HeadlineRole, "headline");
    names.insert(Roles::OutletRole, "outlet");
    names.insert(Roles::AuthorRole, "author");
    names.insert(Roles::PublishedRole, "published");
    names.insert(Roles::UrlRole, "url");
    names.insert(Roles::SourceNameRole, "sourceName");
    names.insert(Roles::ShownRole, "shown");
    return names;
}

int ArticleListModel::rowOf(qint64 articleId) const
{
    return m_rows.value(articleId, -1);
}

void ArticleListModel::onArticlesAdded(const QList<qint64> &ids)
{
    // Ids grow with each import, so new articles always go at the end, in order.
    QList<ArticleSummary> added;
    for (qint64 id : ids) {
        if (auto a = m_workspace->article(id))
            added.append(*a);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_articles.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_articles.append(added);
    for (int row = first; row < m_articles.size(); ++row)
        m_rows.insert(m_articles.at(row).id, row);
    endInsertRows();
}

void ArticleListModel::onArticleChanged(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    if (auto a = m_workspace->article(id)) {
        m_articles[row] = *a;
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i);
    }
}
