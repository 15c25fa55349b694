#include "coveragemodel.h"

#include "roles.h"

namespace {
// How strongly a cell is tinted: a claim stated as fact weighs most, a hedged one least.
float weight(Wording w)
{
    switch (w) {
    case Wording::Stated:
        return 0.85f;
    case Wording::Verbatim:
        return 0.70f;
    case Wording::Paraphrase:
        return 0.55f;
    case Wording::Attributed:
        return 0.42f;
    case Wording::Hedged:
        return 0.28f;
    }
    return 0.5f;
}
} // namespace

CoverageModel::CoverageModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString CoverageModel::wordingLetter(Wording w)
{
    switch (w) {
    case Wording::Verbatim:
        return QStringLiteral("Q");
    case Wording::Paraphrase:
        return QStringLiteral("P");
    case Wording::Attributed:
        return QStringLiteral("A");
    case Wording::Hedged:
        return QStringLiteral("H");
    case Wording::Stated:
        return QStringLiteral("F");
    }
    return {};
}

void CoverageModel::setStore(AnnotationStore *store)
{
    beginResetModel();
    if (m_store) {
        m_store->disconnect(this);
        if (m_store->workspace())
            m_store->workspace()->disconnect(this);
    }
    m_store = store;
    recompute();
    if (store) {
        connect(store, &AnnotationStore::claimAdded, this, &CoverageModel::refreshClaim);
        connect(store, &AnnotationStore::claimChanged, this, &CoverageModel::refreshClaim);
        connect(store, &AnnotationStore::claimRemoved, this, [this](qint64 id) {
            if (!m_active)
                return;
            const int row = m_coverage.claimIndex(id);
            if (row < 0)
                return;
            beginRemoveRows({}, row, row);
            m_coverage.removeClaim(id);
            endRemoveRows();
        });
        auto byClaim = [this](qint64, qint64 claimId) { refreshClaim(claimId); };
        connect(store, &AnnotationStore::appearanceAdded, this, byClaim);
        connect(store, &AnnotationStore::appearanceRemoved, this, byClaim);
        connect(store, &AnnotationStore::appearanceChanged, this, byClaim);
        connect(store, &AnnotationStore::tagsChanged, this, [this] {
            if (m_active && rowCount() > 0)
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        });
        if (Workspace *ws = store->workspace())
            connect(ws, &Workspace::articlesAdded, this, &CoverageModel::onArticlesAdded);
    }
    endResetModel();
}

void CoverageModel::setActive(bool active)
{
    if (active == m_active)
        return;
    beginResetModel();
    m_active = active;
    recompute();
    endResetModel();
}

void CoverageModel::recompute()
{
    m_coverage = m_active && m_store && m_store->workspace()
        ? Coverage::compute(*m_store, m_store->workspace()->articles())
        : Coverage();
}

void CoverageModel::refreshClaim(qint64 claimId)
{
    if (!m_store || !m_active)
        return;
    const int existing = m_coverage.claimIndex(claimId);
    if (existing >= 0) {
        m_coverage.refreshClaim(*m_store, claimId);
        Q_EMIT dataChanged(index(existing, 0), index(existing, columnCount() - 1));
        Q_EMIT headerDataChanged(Qt::Vertical, existing, existing);
        return;
    }
    if (!m_store->claim(claimId))
        return;
    const int at = m_coverage.claimInsertionIndex(claimId);
    beginInsertRows({}, at, at);
    m_coverage.insertClaim(*m_store, claimId);
    endInsertRows();
}

void CoverageModel::onArticlesAdded()
{
    if (!m_active)
        return;
    // Articles only ever arrive at the end: new columns, the existing cells unchanged.
    const Coverage next = Coverage::compute(*m_store, m_store->workspace()->articles());
    if (next.articleCount() <= m_coverage.articleCount()) {
        m_coverage = next;
        return;
    }
    beginInsertColumns({}, FirstArticleColumn + m_coverage.articleCount(),
                       FirstArticleColumn + next.articleCount() - 1);
    m_coverage = next;
    endInsertColumns();
}

int CoverageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_coverage.claimCount();
}

int CoverageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstArticleColumn + m_coverage.articleCount();
}

QVariant CoverageModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const int row = index.row();
    const Claim &claim = m_coverage.claim(row);
    if (role == Roles::ClaimIdRole)
        return claim.id;
    if (index.column() == ReportsColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case Roles::ReportCountRole:
            return m_coverage.reportCount(row);
        case Qt::TextAlignmentRole:
            return int(Qt::AlignCenter);
        case Qt::ToolTipRole:
            return tr("%1 of %2 articles report \u201C%3\u201D (%4 outlets)")
                .arg(m_coverage.reportCount(row))
                .arg(m_coverage.articleCount())
                .arg(claim.title)
                .arg(m_coverage.outletCount(row));
        }
        return {};
    }
    const int column = index.column() - FirstArticleColumn;
    const Coverage::Cell cell = m_coverage.cell(row, column);
    const ArticleSummary &article = m_coverage.article(column);
    switch (role) {
    case Qt::DisplayRole: {
        QString letters;
        for (const Coverage::Entry &e : cell)
            letters += wordingLetter(e.wording);
        return letters;
    }
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::ToolTipRole: {
        const QString outlet = article.outlet.isEmpty() ? article.sourceName : article.outlet;
        if (cell.isEmpty())
            return tr("%1 does not report this claim").arg(outlet);
        QStringList lines{QStringLiteral("<b>%1</b>").arg(outlet.toHtmlEscaped())};
        for (const Coverage::Entry &e : cell) {
            const QString quote = m_store ? m_store->highlight(e.highlightId).value_or(Highlight{}).quote : QString();
            lines << QStringLiteral("%1: \u201C%2\u201D").arg(wordingLabel(e.wording), quote.toHtmlEscaped());
        }
        return lines.join(QStringLiteral("<br>"));
    }
    case Qt::BackgroundRole: {
        if (cell.isEmpty() || !m_store)
            return {};
        QColor c = claimColour(claim, m_store->tagsOfClaim(claim.id), m_store->tags());
        if (!c.isValid())
            c = UnlinkedHighlightColour;
        float strongest = 0;
        for (const Coverage::Entry &e : cell)
            strongest = std::max(strongest, weight(e.wording));
        c.setAlphaF(strongest);
        return c;
    }
    case Roles::ArticleIdRole:
        return article.id;
    case Roles::HighlightIdRole:
        return cell.isEmpty() ? QVariant() : QVariant(cell.first().highlightId);
    case Roles::WordingRole:
        return cell.isEmpty() ? QVariant() : QVariant(int(cell.first().wording));
    }
    return {};
}

QVariant CoverageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_coverage.claimCount())
            return {};
        if (role == Qt::DisplayRole)
            return m_coverage.claim(section).title;
        if (role == Qt::ToolTipRole)
            return m_coverage.claim(section).note.isEmpty() ? m_coverage.claim(section).title
                                                            : m_coverage.claim(section).note;
        return {};
    }
    if (section == ReportsColumn) {
        if (role == Qt::DisplayRole)
            return tr("Outlets");
        if (role == Qt::ToolTipRole)
            return tr("How many articles report the claim; click to sort");
        return {};
    }
    const int column = section - FirstArticleColumn;
    if (column < 0 || column >= m_coverage.articleCount())
        return {};
    const ArticleSummary &a = m_coverage.article(column);
    if (role == Qt::DisplayRole)
        return a.outlet.isEmpty() ? a.sourceName : a.outlet;
    if (role == Qt::ToolTipRole)
        return a.headline;
    return {};
}
