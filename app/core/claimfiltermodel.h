#pragma once

#include <QSortFilterProxyModel>

// Filters the claims model by text (title, note or any appearance's quote), status and tag, and
// sorts claims by any column; appearances stay under their claim in text order.
class ClaimFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    static constexpr qint64 AnyStatus = -1;
    static constexpr qint64 NoStatus = 0;
    static constexpr qint64 AnyTag = -1;

    explicit ClaimFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setStatus(qint64 statusTag); // AnyStatus, NoStatus or a status tag id
    void setTag(qint64 tagId); // AnyTag or a tag id

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    qint64 m_status = AnyStatus;
    qint64 m_tag = AnyTag;
};
