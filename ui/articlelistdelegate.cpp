#include "articlelistdelegate.h"

#include "roles.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace {
constexpr int Padding = 8;

QFont outletFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.85);
    f.setWeight(QFont::DemiBold);
    f.setCapitalization(QFont::AllUppercase);
    return f;
}

// Up to maxLines lines of text wrapped to width, the last one elided.
QStringList wrapped(const QString &text, const QFont &font, int width, int maxLines)
{
    QStringList lines;
    QTextLayout layout(text, font);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            lines << QFontMetrics(font).elidedText(text.mid(line.textStart()), Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}
} // namespace

void ArticleListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Background, selection and focus as the style draws them, then our own text.
    const QString saved = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    opt.text = saved;

    const QRect check = style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &opt, widget);
    QRect text = opt.rect.adjusted(check.right() + Padding, Padding / 2, -Padding, -Padding / 2);
    if (check.isNull())
        text.setLeft(opt.rect.left() + Padding);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor main = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = main;
    dim.setAlphaF(selected ? 0.85f : 0.62f);
    const bool shown = index.data(Roles::ShownRole).toBool();

    painter->save();
    const QFont ofont = outletFont(opt.font);
    const QString outlet = index.data(Roles::OutletRole).toString();
    const QString published = index.data(Roles::PublishedRole).toString().left(10);
    const QString head = outlet.isEmpty() ? index.data(Roles::SourceNameRole).toString() : outlet;
    painter->setFont(ofont);
    painter->setPen(selected ? main : opt.palette.color(group, QPalette::Highlight));
    QFontMetrics ofm(ofont);
    painter->drawText(QRect(text.left(), text.top(), text.width(), ofm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      ofm.elidedText(head, Qt::ElideRight, text.width() - (published.isEmpty() ? 0 : 80)));
    if (!published.isEmpty()) {
        painter->setPen(dim);
        painter->drawText(QRect(text.left(), text.top(), text.width(), ofm.height()), Qt::AlignRight | Qt::AlignVCenter,
                          published);
    }

    QFontMetrics fm(opt.font);
    painter->setFont(opt.font);
    painter->setPen(shown ? main : dim);
    int y = text.top() + ofm.height() + 2;
    for (const QString &line : wrapped(index.data(Roles::HeadlineRole).toString(), opt.font, text.width(), 2)) {
        painter->drawText(QRect(text.left(), y, text.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter, line);
        y += fm.height();
    }
    painter->restore();
}

QSize ArticleListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QFontMetrics ofm(outletFont(option.font));
    const QFontMetrics fm(option.font);
    return {200, Padding + ofm.height() + 2 + 2 * fm.height() + Padding};
}
