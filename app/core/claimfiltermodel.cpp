#include "claimfiltermodel.h"

#include "annotationstore.h"
#include "claimsmodel.h"
#include "roles.h"

ClaimFilterModel::ClaimFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::EditRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ClaimFilterModel::setText(const QString &text)
{
    m_text = text.simplified();
    invalidateRowsFilter();
}

void ClaimFilterModel::setStatus(qint64 statusTag)
{
    m_status = statusTag;
    invalidateRowsFilter();
}

void ClaimFilterModel::setTag(qint64 tagId)
{
    m_tag = tagId;
    invalidateRowsFilter();
}

bool ClaimFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return true; // appearances follow their claim
    const QModelIndex claim = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status != AnyStatus && claim.data(Roles::StatusTagRole).toLongLong() != m_status)
        return false;
    if (m_tag != AnyTag) {
        auto *claims = qobject_cast<ClaimsModel *>(sourceModel());
        const qint64 id = claim.data(Roles::ClaimIdRole).toLongLong();
        if (!claims || !claims->store() || !claims->store()->tagsOfClaim(id).contains(m_tag))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    auto matches = [this](const QString &s) { return s.contains(m_text, Qt::CaseInsensitive); };
    if (matches(claim.data().toString()) || matches(claim.data(Roles::NoteRole).toString()))
        return true;
    for (int row = 0; row < sourceModel()->rowCount(claim); ++row) {
        if (matches(sourceModel()->index(row, 0, claim).data(Roles::QuoteRole).toString()))
            return true;
    }
    return false;
}

bool ClaimFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.parent().isValid())
        return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    return QSortFilterProxyModel::lessThan(left, right);
}
