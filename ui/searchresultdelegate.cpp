#include "searchresultdelegate.h"

#include "roles.h"

#include <QApplication>
#include <QPainter>

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant matchStart = index.data(Roles::SnippetMatchStartRole);
    if (!matchStart.isValid()) { // an article row
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int s = std::clamp(matchStart.toInt(), 0, int(text.size()));
    const int e = std::clamp(index.data(Roles::SnippetMatchEndRole).toInt(), s, int(text.size()));
    const QString before = text.left(s);
    const QString match = text.mid(s, e - s);
    const QString after = text.mid(e);

    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics normalMetrics(opt.font);
    const QFontMetrics boldMetrics(bold);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);
    const int width = rect.width();
    const int matchWidth = std::min(boldMetrics.horizontalAdvance(match), width);
    const int beforeWidth = normalMetrics.horizontalAdvance(before);
    const int afterWidth = normalMetrics.horizontalAdvance(after);
    // Keep some of the text after the match when it is long, but let a short tail give its room back.
    const int room = std::max(0, width - matchWidth);
    const int beforeBudget = std::min(beforeWidth, room - std::min(afterWidth, room / 2));

    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                                ? QPalette::Active
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setClipRect(rect);
    painter->setPen(
        opt.palette.color(group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    auto draw = [&](const QString &piece, const QFont &font, const QFontMetrics &metrics, int budget,
                    Qt::TextElideMode elide) {
        const QString shown = metrics.elidedText(piece, elide, budget);
        painter->setFont(font);
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
        rect.setLeft(rect.left() + metrics.horizontalAdvance(shown));
    };
    draw(before, opt.font, normalMetrics, beforeBudget, Qt::ElideLeft);
    draw(match, bold, boldMetrics, matchWidth, Qt::ElideRight);
    draw(after, opt.font, normalMetrics, rect.width(), Qt::ElideRight);
    painter->restore();
}
