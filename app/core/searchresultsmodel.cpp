#include "searchresultsmodel.h"

#include "roles.h"
#include "workspace.h"

namespace {
// Article rows have no internal id; match rows hold their article's id, which is never 0.
constexpr quintptr ArticleRowId = 0;
} // namespace

SearchResultsModel::SearchResultsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void SearchResultsModel::setWorkspace(Workspace *workspace)
{
    beginResetModel();
    if (m_workspace)
        m_workspace->disconnect(this);
    m_workspace = workspace;
    m_search.setWorkspace(workspace);
    if (workspace) {
        connect(workspace, &Workspace::articlesAdded, this, &SearchResultsModel::onArticlesAdded);
        connect(workspace, &Workspace::articleChanged, this, &SearchResultsModel::onArticleChanged);
    }
    rebuild();
    endResetModel();
}

void SearchResultsModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    beginResetModel();
    m_query = query;
    m_prepared = SearchableText::prepareQuery(query);
    rebuild();
    endResetModel();
}

QList<SearchResultsModel::ArticleResult> SearchResultsModel::search(const QList<ArticleSummary> &articles)
{
    QList<ArticleResult> found;
    if (m_prepared.isEmpty())
        return found;
    for (const ArticleSummary &a : articles) {
        QList<TextMatch> matches = m_search.find(a.id, m_prepared);
        if (!matches.isEmpty())
            found.append({a.id, a.outlet, a.headline, std::move(matches)});
    }
    return found;
}

void SearchResultsModel::rebuild()
{
    m_results.clear();
    m_rowOf.clear();
    m_matchCount = 0;
    if (!m_workspace || m_prepared.isEmpty())
        return;
    m_results = search(m_workspace->articles());
    for (int row = 0; row < m_results.size(); ++row) {
        m_rowOf.insert(m_results.at(row).articleId, row);
        m_matchCount += int(m_results.at(row).matches.size());
    }
}

void SearchResultsModel::onArticlesAdded(const QList<qint64> &ids)
{
    // A reused id must not be answered from what was kept for the article it used to name.
    m_search.forget(ids);
    if (m_prepared.isEmpty())
        return;
    QList<ArticleSummary> fresh;
    for (qint64 id : ids) {
        if (m_rowOf.contains(id))
            continue;
        if (std::optional<ArticleSummary> a = m_workspace->article(id))
            fresh.append(*a);
    }
    const QList<ArticleResult> found = search(fresh);
    if (found.isEmpty())
        return;
    // Ids grow with each import, so new articles go at the end, as in the article list.
    const int first = int(m_results.size());
    beginInsertRows({}, first, first + int(found.size()) - 1);
    for (const ArticleResult &r : found) {
        m_rowOf.insert(r.articleId, int(m_results.size()));
        m_matchCount += int(r.matches.size());
        m_results.append(r);
    }
    endInsertRows();
}

void SearchResultsModel::onArticleChanged(qint64 id)
{
    const int row = m_rowOf.value(id, -1);
    if (row < 0)
        return;
    if (const std::optional<ArticleSummary> a = m_workspace->article(id)) {
        m_results[row].outlet = a->outlet;
        m_results[row].headline = a->headline;
        const QModelIndex i = index(row, 0);
        Q_EMIT dataChanged(i, i);
    }
}

QModelIndex SearchResultsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, ArticleRowId);
    return createIndex(row, column, quintptr(m_results.at(parent.row()).articleId));
}

QModelIndex SearchResultsModel::parent(const QModelIndex &child) const
{
    Q_ASSERT(checkIndex(child, CheckIndexOption::DoNotUseParent));
    if (!child.isValid() || child.internalId() == ArticleRowId)
        return {};
    const int row = m_rowOf.value(qint64(child.internalId()), -1);
    return row < 0 ? QModelIndex() : createIndex(row, 0, ArticleRowId);
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_results.size());
    if (parent.column() != 0 || parent.internalId() != ArticleRowId)
        return 0;
    return int(m_results.at(parent.row()).matches.size());
}

int SearchResultsModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    if (index.internalId() == ArticleRowId) {
        const ArticleResult &r = m_results.at(index.row());
        switch (role) {
        case Qt::DisplayRole: {
            const QString title = r.outlet.isEmpty() ? r.headline : QStringLiteral("%1 — %2").arg(r.outlet, r.headline);
            return QStringLiteral("%1 (%2)").arg(title).arg(r.matches.size());
        }
        case Qt::ToolTipRole:
            return r.headline;
        case Roles::ArticleIdRole:
            return r.articleId;
        case Roles::HeadlineRole:
            return r.headline;
        case Roles::OutletRole:
            return r.outlet;
        case Roles::MatchCountRole:
            return int(r.matches.size());
        case Roles::MatchStartRole:
            return r.matches.first().start;
        case Roles::MatchEndRole:
            return r.matches.first().end;
        }
        return {};
    }

    const ArticleResult &r = m_results.at(m_rowOf.value(qint64(index.internalId())));
    const TextMatch match = r.matches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return m_search.snippet(r.articleId, match).text;
    case Roles::ArticleIdRole:
        return r.articleId;
    case Roles::MatchStartRole:
        return match.start;
    case Roles::MatchEndRole:
        return match.end;
    case Roles::SnippetMatchStartRole:
        return m_search.snippet(r.articleId, match).matchStart;
    case Roles::SnippetMatchEndRole:
        return m_search.snippet(r.articleId, match).matchEnd;
    }
    return {};
}

Qt::ItemFlags SearchResultsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != ArticleRowId)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(Roles::ArticleIdRole, "articleId");
    names.insert(Roles::HeadlineRole, "headline");
    names.insert(Roles::OutletRole, "outlet");
    names.insert(Roles::MatchCountRole, "matchCount");
    names.insert(Roles::MatchStartRole, "matchStart");
    names.insert(Roles::MatchEndRole, "matchEnd");
    names.insert(Roles::SnippetMatchStartRole, "snippetMatchStart");
    names.insert(Roles::SnippetMatchEndRole, "snippetMatchEnd");
    return names;
}
