#pragma once

#include <QStyledItemDelegate>

// Draws an article list row as outlet, headline (up to two lines) and date, with the check box
// that shows or hides the article's pane.
class ArticleListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
