#pragma once

#include <QHash>
#include <QIcon>
#include <QProxyStyle>

class QApplication;

namespace Application {

// Parallax's strings in the user's language (compiled into the executable from translations/),
// and Qt's own (dialog buttons and the like) where the system has them.
void loadTranslations();

// What the window needs before it is made: translations, names, the window icon, and the style
// below. The executable and the start-up benchmark both call it, so the benchmark measures the
// same start-up a reader gets.
void setUp();

} // namespace Application

// The platform's own style, keeping the title-bar icons it makes. Fusion (the style where the
// desktop sets none) builds each standard icon afresh from half a dozen PNG files, opening every
// one to learn its format, and a dock asks for its float and close icons each time its title bar
// is laid out: about fifty times for the six docks before the window first paints, a tenth of
// start-up. Everything else is the base style's. (Its name() is empty: only QStyleFactory names a
// style; baseStyle()->name() is the wrapped one's.)
class AppStyle : public QProxyStyle
{
public:
    explicit AppStyle(const QString &baseStyle);

    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
    void polish(QApplication *app) override;
    using QProxyStyle::polish;

private:
    mutable QHash<int, QIcon> m_titleBarIcons;
    mutable qint64 m_paletteMadeFor = 0; // the palette and icon theme they were made for
    mutable QString m_themeMadeFor;
};
