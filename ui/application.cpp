#include "application.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

AppStyle::AppStyle(const QString &baseStyle)
    : QProxyStyle(baseStyle)
{
}

QIcon AppStyle::standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const
{
    switch (icon) {
    case SP_TitleBarCloseButton:
    case SP_TitleBarNormalButton:
    case SP_TitleBarMaxButton:
    case SP_TitleBarMinButton:
    case SP_DockWidgetCloseButton: {
        // These depend on neither the option nor the widget, nor on the layout direction; a style
        // may draw them in the palette's colours or take them from the icon theme, so they are
        // made anew when either changes.
        const qint64 palette = QGuiApplication::palette().cacheKey();
        const QString theme = QIcon::themeName();
        if (palette != m_paletteMadeFor || theme != m_themeMadeFor) {
            m_titleBarIcons.clear();
            m_paletteMadeFor = palette;
            m_themeMadeFor = theme;
        }
        auto kept = m_titleBarIcons.constFind(icon);
        if (kept == m_titleBarIcons.constEnd())
            kept = m_titleBarIcons.insert(icon, QProxyStyle::standardIcon(icon, option, widget));
        return *kept;
    }
    default:
        return QProxyStyle::standardIcon(icon, option, widget);
    }
}

void AppStyle::polish(QApplication *app)
{
    // Polished when it becomes the application's style: icons are made anew then.
    m_titleBarIcons.clear();
    QProxyStyle::polish(app);
}

namespace Application {

void loadTranslations()
{
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(QLocale(), QStringLiteral("parallax"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

void setUp()
{
    loadTranslations();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Parallax"));
    // The installed .desktop file's name (the Wayland app id), and the icon for window systems
    // that take it from the window.
    QGuiApplication::setDesktopFileName(QStringLiteral(PARALLAX_APP_ID));
    QIcon icon;
    icon.addFile(QStringLiteral(":/icons/parallax-48.png"));
    icon.addFile(QStringLiteral(":/icons/parallax-128.png"));
    QApplication::setWindowIcon(icon);
    // The style Qt chose (the desktop's, or the one given with -style), wrapped once. (A style made
    // with new has no name of its own: a wrapped one is not wrapped again by its empty name.)
    if (!dynamic_cast<AppStyle *>(QApplication::style()))
        QApplication::setStyle(new AppStyle(QApplication::style()->name()));
}

} // namespace Application
