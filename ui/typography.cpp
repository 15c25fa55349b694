#include "typography.h"

#include <QApplication>

namespace Typography {

namespace {
QFont serif()
{
    QFont f = QApplication::font();
    f.setFamilies({QStringLiteral("Noto Serif"), QStringLiteral("Source Serif 4"), QStringLiteral("Georgia"),
                   QStringLiteral("DejaVu Serif"), QStringLiteral("Liberation Serif")});
    f.setStyleHint(QFont::Serif);
    return f;
}
} // namespace

QFont bodyFont()
{
    QFont f = serif();
    f.setPointSizeF(QApplication::font().pointSizeF() * 1.2);
    return f;
}

QFont headlineFont()
{
    QFont f = serif();
    f.setPointSizeF(QApplication::font().pointSizeF() * 1.45);
    f.setWeight(QFont::Bold);
    return f;
}

QFont outletFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(QApplication::font().pointSizeF() * 0.85);
    f.setWeight(QFont::DemiBold);
    f.setCapitalization(QFont::AllUppercase);
    f.setLetterSpacing(QFont::PercentageSpacing, 108);
    return f;
}

QFont metaFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(QApplication::font().pointSizeF() * 0.9);
    return f;
}

} // namespace Typography
