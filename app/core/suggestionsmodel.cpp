#include "suggestionsmodel.h"

#include "roles.h"
#include "workspace.h"

#include <QSet>

namespace {
constexpr quintptr GroupLevel = 0; // passage rows carry their group's row + 1

QString kindLabel(Detect::Kind k)
{
    switch (k) {
    case Detect::Kind::Quote:
        return QObject::tr("same quote");
    case Detect::Kind::Figure:
        return QObject::tr("same figure");
    case Detect::Kind::Date:
        return QObject::tr("same date");
    case Detect::Kind::Sentence:
        return QObject::tr("same sentence");
    }
    return {};
}
} // namespace

SuggestionsModel::SuggestionsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void SuggestionsModel::setWorkspace(Workspace *workspace)
{
    beginResetModel();
    m_workspace = workspace;
    m_all.clear();
    m_rows.clear();
    m_excluded.clear();
    m_bodies.clear();
    m_outlets.clear();
    endResetModel();
}

void SuggestionsModel::setSuggestions(const QList<Detect::Suggestion> &suggestions, const QSet<QByteArray> &excluded)
{
    beginResetModel();
    m_all = suggestions;
    m_excluded = excluded;
    m_rows = visible();
    m_bodies.clear();
    m_outlets.clear();
    endResetModel();
}

QList<int> SuggestionsModel::visible() const
{
    QList<int> rows;
    for (int i = 0; i < m_all.size(); ++i) {
        if (!m_excluded.contains(m_all.at(i).key))
            rows.append(i);
    }
    return rows;
}

void SuggestionsModel::setExcluded(const QSet<QByteArray> &excluded)
{
    m_excluded = excluded;
    const QList<int> wanted = visible();
    // Rows that go, from the bottom up so the rows above keep their numbers...
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_rows.at(row)))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    // ...then rows that come back, each at its place in the run's order.
    for (int row = 0; row < wanted.size(); ++row) {
        if (row < m_rows.size() && m_rows.at(row) == wanted.at(row))
            continue;
        beginInsertRows({}, row, row);
        m_rows.insert(row, wanted.at(row));
        endInsertRows();
    }
}

const Detect::Suggestion *SuggestionsModel::suggestionAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const int row = index.internalId() == GroupLevel ? index.row() : int(index.internalId()) - 1;
    return row >= 0 && row < m_rows.size() ? &m_all.at(m_rows.at(row)) : nullptr;
}

QModelIndex SuggestionsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, GroupLevel);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SuggestionsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == GroupLevel)
        return {};
    return createIndex(int(child.internalId()) - 1, 0, GroupLevel);
}

int SuggestionsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() != GroupLevel || parent.column() != 0)
        return 0;
    return int(m_all.at(m_rows.at(parent.row())).passages.size());
}

int SuggestionsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString SuggestionsModel::outletOf(qint64 articleId) const
{
    if (!m_outlets.contains(articleId) && m_workspace) {
        const auto a = m_workspace->article(articleId);
        m_outlets.insert(articleId, !a ? QString() : a->outlet.isEmpty() ? a->sourceName : a->outlet);
    }
    return m_outlets.value(articleId);
}

QString SuggestionsModel::textOf(const Detect::Passage &p) const
{
    if (!m_bodies.contains(p.articleId) && m_workspace)
        m_bodies.insert(p.articleId, m_workspace->articleBody(p.articleId));
    return m_bodies.value(p.articleId).mid(p.start, p.end - p.start);
}

QVariant SuggestionsModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const Detect::Suggestion *s = suggestionAt(index);
    if (!s)
        return {};
    if (index.internalId() == GroupLevel) {
        QSet<qint64> articles;
        for (const Detect::Passage &p : s->passages)
            articles.insert(p.articleId);
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == LabelColumn)
                return s->label;
            if (index.column() == KindColumn)
                return kindLabel(s->kind);
            return int(articles.size());
        case Qt::ToolTipRole:
            return tr("%1, score %2, in %3 articles")
                .arg(kindLabel(s->kind))
                .arg(s->score, 0, 'f', 2)
                .arg(articles.size());
        case Roles::IsClaimRole:
            return true;
        }
        return {};
    }
    const Detect::Passage &p = s->passages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == LabelColumn)
            return QStringLiteral("%1: \u201C%2\u201D").arg(outletOf(p.articleId), textOf(p).simplified());
        return {};
    case Qt::ToolTipRole:
        return textOf(p);
    case Roles::ArticleIdRole:
        return p.articleId;
    case Roles::OutletRole:
        return outletOf(p.articleId);
    case Roles::QuoteRole:
        return textOf(p);
    case Roles::StartRole:
        return p.start;
    case Roles::EndRole:
        return p.end;
    case Roles::IsClaimRole:
        return false;
    }
    return {};
}

QVariant SuggestionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Suggested claim");
    case KindColumn:
        return tr("Why");
    case ArticlesColumn:
        return tr("Articles");
    }
    return {};
}

Qt::ItemFlags SuggestionsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != GroupLevel)
        f |= Qt::ItemNeverHasChildren;
    return f;
}
