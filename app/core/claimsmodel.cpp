#include "claimsmodel.h"

#include "annotationstore.h"
#include "roles.h"
#include "workspace.h"

#include <algorithm>
#include <tuple>

#include <QFutureWatcher>
#include <QSet>
#include <QSqlDatabase>
#include <QtConcurrentRun>

#include <atomic>

namespace {
constexpr quintptr ClaimLevel = 0; // internalId of claim rows; appearance rows carry their claim's id

QString elided(const QString &text, int length)
{
    QString t = text.simplified();
    return t.size() <= length ? t : t.left(length - 1) + QChar(0x2026);
}
} // namespace

ClaimsModel::ClaimsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void ClaimsModel::setStore(AnnotationStore *store)
{
    beginResetModel();
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    ++m_generation;
    const bool wasLoading = std::exchange(m_loading, false);
    m_changedWhileLoading = false;
    const bool background
        = store && store->workspace() && m_backgroundAbove >= 0 && store->appearanceCount() > m_backgroundAbove;
    if (background) {
        m_claims.clear();
        m_tags.clear();
    } else {
        reload();
    }
    if (store) {
        connect(store, &AnnotationStore::claimAdded, this, &ClaimsModel::onClaimAdded);
        connect(store, &AnnotationStore::claimRemoved, this, &ClaimsModel::onClaimRemoved);
        connect(store, &AnnotationStore::claimChanged, this, &ClaimsModel::refreshClaim);
        connect(store, &AnnotationStore::appearanceAdded, this, &ClaimsModel::onAppearanceAdded);
        connect(store, &AnnotationStore::appearanceRemoved, this, &ClaimsModel::onAppearanceRemoved);
        connect(store, &AnnotationStore::appearanceChanged, this, &ClaimsModel::onAppearanceChanged);
        connect(store, &AnnotationStore::highlightChanged, this, &ClaimsModel::onHighlightChanged);
        connect(store, &AnnotationStore::tagsChanged, this, [this] {
            if (!caughtUp())
                return;
            m_tags = m_store->tags();
            if (!m_claims.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(int(m_claims.size()) - 1, ColumnCount - 1));
        });
    }
    endResetModel();
    if (background)
        loadInBackground();
    else if (wasLoading)
        Q_EMIT loadingChanged(false);
}

ClaimsModel::Loaded ClaimsModel::read(const AnnotationStore &store)
{
    return {store.claims(), store.allClaimTags(), store.claimedHighlights()};
}

ClaimsModel::Loaded ClaimsModel::readFrom(const QString &path)
{
    static std::atomic<int> counter{0};
    const QString connection = QStringLiteral("parallax-claims-loader-%1").arg(++counter);
    Loaded loaded;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            const AnnotationStore reader(connection);
            loaded = read(reader);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return loaded;
}

void ClaimsModel::holdBackgroundLoading(bool hold)
{
    m_hold = hold;
    if (!hold && m_loading && !m_loadStarted)
        startLoading();
}

void ClaimsModel::loadInBackground()
{
    m_loading = true;
    m_loadStarted = false;
    Q_EMIT loadingChanged(true);
    if (!m_hold)
        startLoading();
}

void ClaimsModel::startLoading()
{
    m_loadStarted = true;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || !m_store)
            return; // another workspace since
        m_loading = false;
        beginResetModel();
        if (std::exchange(m_changedWhileLoading, false))
            reload(); // the reader changed something meanwhile: read it all again, here
        else
            fill(watcher->future().takeResult());
        endResetModel();
        Q_EMIT loadingChanged(false);
    });
    watcher->setFuture(QtConcurrent::run(&ClaimsModel::readFrom, m_store->workspace()->path()));
}

bool ClaimsModel::caughtUp()
{
    if (m_loading)
        m_changedWhileLoading = true;
    return !m_loading;
}

void ClaimsModel::reload()
{
    m_claims.clear();
    m_tags.clear();
    if (!m_store)
        return;
    fill(read(*m_store));
}

void ClaimsModel::fill(Loaded loaded)
{
    m_claims.clear();
    m_tags = m_store->tags();
    QHash<qint64, QString> outlets;
    if (Workspace *ws = m_store->workspace()) {
        for (const ArticleSummary &a : ws->articles())
            outlets.insert(a.id, a.outlet.isEmpty() ? a.sourceName : a.outlet);
    }
    QHash<qint64, QList<AppearanceRow>> byClaim;
    for (auto &[a, h] : loaded.appearances) {
        const QString outlet = outlets.value(h.articleId);
        byClaim[a.claimId].append(AppearanceRow{a, std::move(h), outlet});
    }
    m_claims.reserve(loaded.claims.size());
    for (const Claim &c : std::as_const(loaded.claims)) {
        ClaimRow row{c, loaded.claimTags.value(c.id), byClaim.take(c.id)};
        // In reading order, as appearancesOfClaim gives them (sorting each claim's few rows here
        // costs far less than SQLite sorting all of them with their quotes).
        std::sort(row.appearances.begin(), row.appearances.end(), [](const AppearanceRow &x, const AppearanceRow &y) {
            return std::tuple(x.highlight.articleId, x.highlight.start, x.highlight.id)
                < std::tuple(y.highlight.articleId, y.highlight.start, y.highlight.id);
        });
        m_claims.append(std::move(row));
    }
}

ClaimsModel::AppearanceRow ClaimsModel::makeAppearanceRow(const Appearance &a) const
{
    AppearanceRow row{a, m_store->highlight(a.highlightId).value_or(Highlight{}), {}};
    if (Workspace *ws = m_store->workspace()) {
        if (auto article = ws->article(row.highlight.articleId))
            row.outlet = article->outlet.isEmpty() ? article->sourceName : article->outlet;
    }
    return row;
}

int ClaimsModel::rowOfClaim(qint64 claimId) const
{
    for (int i = 0; i < m_claims.size(); ++i) {
        if (m_claims.at(i).claim.id == claimId)
            return i;
    }
    return -1;
}

int ClaimsModel::rowOfAppearance(const ClaimRow &claim, qint64 highlightId) const
{
    for (int i = 0; i < claim.appearances.size(); ++i) {
        if (claim.appearances.at(i).appearance.highlightId == highlightId)
            return i;
    }
    return -1;
}

QModelIndex ClaimsModel::indexOfClaim(qint64 claimId, int column) const
{
    const int row = rowOfClaim(claimId);
    return row < 0 ? QModelIndex() : createIndex(row, column, ClaimLevel);
}

QModelIndex ClaimsModel::indexOfAppearance(qint64 claimId, qint64 highlightId) const
{
    const int parentRow = rowOfClaim(claimId);
    if (parentRow < 0)
        return {};
    const int row = rowOfAppearance(m_claims.at(parentRow), highlightId);
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(claimId));
}

QModelIndex ClaimsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, ClaimLevel);
    if (parent.internalId() != ClaimLevel)
        return {};
    return createIndex(row, column, quintptr(m_claims.at(parent.row()).claim.id));
}

QModelIndex ClaimsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == ClaimLevel)
        return {};
    return indexOfClaim(qint64(child.internalId()));
}

int ClaimsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_claims.size());
    if (parent.column() != 0 || parent.internalId() != ClaimLevel)
        return 0;
    return int(m_claims.at(parent.row()).appearances.size());
}

int ClaimsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

int ClaimsModel::reportCount(const ClaimRow &row) const
{
    QSet<qint64> articles;
    for (const AppearanceRow &a : row.appearances)
        articles.insert(a.highlight.articleId);
    return int(articles.size());
}

QColor ClaimsModel::colourOf(const ClaimRow &row) const
{
    return claimColour(row.claim, row.tags, m_tags);
}

QVariant ClaimsModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const bool isClaim = index.internalId() == ClaimLevel;
    const ClaimRow &claim = isClaim ? m_claims.at(index.row()) : m_claims.at(rowOfClaim(qint64(index.internalId())));
    auto statusName = [&]() -> QString {
        for (const Tag &t : m_tags) {
            if (t.id == claim.claim.statusTag)
                return t.name;
        }
        return {};
    };
    switch (role) {
    case Roles::ClaimIdRole:
        return claim.claim.id;
    case Roles::IsClaimRole:
        return isClaim;
    case Roles::StatusTagRole:
        return claim.claim.statusTag;
    case Roles::StatusNameRole:
        return statusName();
    case Roles::ColourRole:
        return colourOf(claim);
    case Roles::ReportCountRole:
        return reportCount(claim);
    case Roles::TagNamesRole: {
        QStringList names;
        for (const Tag &t : m_tags) {
            if (claim.tags.contains(t.id))
                names << t.name;
        }
        return names;
    }
    }
    if (isClaim) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == TitleColumn)
                return claim.claim.title;
            if (index.column() == StatusColumn)
                return statusName();
            if (index.column() == ReportsColumn)
                return reportCount(claim);
            return {};
        case Qt::EditRole:
            return index.column() == ReportsColumn ? QVariant(reportCount(claim)) : data(index, Qt::DisplayRole);
        case Qt::ToolTipRole: {
            QString tip = QStringLiteral("<b>%1</b>").arg(claim.claim.title.toHtmlEscaped());
            if (!statusName().isEmpty())
                tip += QStringLiteral("<br>%1").arg(statusName().toHtmlEscaped());
            if (!claim.claim.note.isEmpty())
                tip += QStringLiteral("<br><i>%1</i>").arg(claim.claim.note.toHtmlEscaped());
            return tip;
        }
        case Qt::DecorationRole:
            if (index.column() != TitleColumn)
                return {};
            return colourOf(claim).isValid() ? colourOf(claim) : UnlinkedHighlightColour;
        case Roles::NoteRole:
            return claim.claim.note;
        }
        return {};
    }
    const AppearanceRow &a = claim.appearances.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == TitleColumn) {
            const QString quote = QStringLiteral("\u201C%1\u201D").arg(elided(a.highlight.quote, 90));
            return a.highlight.orphaned ? tr("%1: %2 (not found in the text)").arg(a.outlet, quote)
                                        : QStringLiteral("%1: %2").arg(a.outlet, quote);
        }
        if (index.column() == StatusColumn)
            return wordingLabel(a.appearance.wording);
        return {};
    case Qt::ToolTipRole:
        return a.highlight.note.isEmpty() ? a.highlight.quote
                                          : a.highlight.quote + QStringLiteral("\n\n") + a.highlight.note;
    case Roles::HighlightIdRole:
        return a.appearance.highlightId;
    case Roles::ArticleIdRole:
        return a.highlight.articleId;
    case Roles::OutletRole:
        return a.outlet;
    case Roles::QuoteRole:
        return a.highlight.quote;
    case Roles::NoteRole:
        return a.highlight.note;
    case Roles::StartRole:
        return a.highlight.start;
    case Roles::EndRole:
        return a.highlight.end;
    case Roles::WordingRole:
        return int(a.appearance.wording);
    case Roles::OrphanedRole:
        return a.highlight.orphaned;
    }
    return {};
}

QVariant ClaimsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Claim");
    case StatusColumn:
        return tr("Status");
    case ReportsColumn:
        return tr("Outlets");
    }
    return {};
}

Qt::ItemFlags ClaimsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != ClaimLevel)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

void ClaimsModel::onClaimAdded(qint64 id)
{
    if (!caughtUp())
        return;
    const std::optional<Claim> c = m_store->claim(id);
    if (!c || rowOfClaim(id) >= 0)
        return;
    ClaimRow row{*c, m_store->tagsOfClaim(id), {}};
    for (const Appearance &a : m_store->appearancesOfClaim(id))
        row.appearances.append(makeAppearanceRow(a));
    // Claims are listed in creation order; an undone deletion returns to its place.
    int at = 0;
    while (at < m_claims.size() && m_claims.at(at).claim.id < id)
        ++at;
    beginInsertRows({}, at, at);
    m_claims.insert(at, row);
    endInsertRows();
}

void ClaimsModel::onClaimRemoved(qint64 id)
{
    if (!caughtUp())
        return;
    const int row = rowOfClaim(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_claims.removeAt(row);
    endRemoveRows();
}

void ClaimsModel::refreshClaim(qint64 claimId)
{
    if (!caughtUp())
        return;
    const int row = rowOfClaim(claimId);
    const std::optional<Claim> c = m_store->claim(claimId);
    if (row < 0 || !c)
        return;
    m_claims[row].claim = *c;
    m_claims[row].tags = m_store->tagsOfClaim(claimId);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ClaimsModel::onAppearanceAdded(qint64 highlightId, qint64 claimId)
{
    if (!caughtUp())
        return;
    const int parentRow = rowOfClaim(claimId);
    if (parentRow < 0)
        return; // the claim itself is reported next, with its appearances
    ClaimRow &claim = m_claims[parentRow];
    if (rowOfAppearance(claim, highlightId) >= 0)
        return;
    const QList<Appearance> ordered = m_store->appearancesOfClaim(claimId);
    int at = 0;
    for (const Appearance &a : ordered) {
        if (a.highlightId == highlightId)
            break;
        if (rowOfAppearance(claim, a.highlightId) >= 0)
            ++at;
    }
    for (const Appearance &a : ordered) {
        if (a.highlightId != highlightId)
            continue;
        const QModelIndex parent = index(parentRow, 0);
        beginInsertRows(parent, at, at);
        claim.appearances.insert(at, makeAppearanceRow(a));
        endInsertRows();
        Q_EMIT dataChanged(index(parentRow, 0), index(parentRow, ColumnCount - 1)); // report count
    }
}

void ClaimsModel::onAppearanceRemoved(qint64 highlightId, qint64 claimId)
{
    if (!caughtUp())
        return;
    const int parentRow = rowOfClaim(claimId);
    if (parentRow < 0)
        return;
    const int row = rowOfAppearance(m_claims.at(parentRow), highlightId);
    if (row < 0)
        return;
    beginRemoveRows(index(parentRow, 0), row, row);
    m_claims[parentRow].appearances.removeAt(row);
    endRemoveRows();
    Q_EMIT dataChanged(index(parentRow, 0), index(parentRow, ColumnCount - 1));
}

void ClaimsModel::onAppearanceChanged(qint64 highlightId, qint64 claimId)
{
    if (!caughtUp())
        return;
    const QModelIndex i = indexOfAppearance(claimId, highlightId);
    if (!i.isValid())
        return;
    for (const Appearance &a : m_store->appearancesOfHighlight(highlightId)) {
        if (a.claimId == claimId)
            m_claims[rowOfClaim(claimId)].appearances[i.row()].appearance = a;
    }
    Q_EMIT dataChanged(i, i.siblingAtColumn(ColumnCount - 1));
}

void ClaimsModel::onHighlightChanged(qint64 highlightId)
{
    if (!caughtUp())
        return;
    const std::optional<Highlight> h = m_store->highlight(highlightId);
    if (!h)
        return;
    for (int parentRow = 0; parentRow < m_claims.size(); ++parentRow) {
        ClaimRow &claim = m_claims[parentRow];
        const int row = rowOfAppearance(claim, highlightId);
        if (row < 0)
            continue;
        claim.appearances[row].highlight = *h;
        const QModelIndex i = createIndex(row, 0, quintptr(claim.claim.id));
        Q_EMIT dataChanged(i, i.siblingAtColumn(ColumnCount - 1));
    }
}
