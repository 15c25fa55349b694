#pragma once

#include <QStyledItemDelegate>

// Paints a search match row as its snippet with the match in bold. When the snippet does not fit,
// the text before the match gives way first, so the match itself stays in view.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
