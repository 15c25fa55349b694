#include "cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Parallax"));
    QCoreApplication::setApplicationName(QStringLiteral("parallax"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARALLAX_VERSION));
}

// Parallax's strings in the user's language (compiled into the executable from translations/),
// and Qt's own (dialog buttons and the like) where the system has them.
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

} // namespace

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Commands never need a display. They still get a GUI application, on the offscreen
    // platform, because laying out text (Markdown import, PDF export) needs fonts.
    if (Cli::isHeadless(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        describeApplication();
        loadTranslations();
        return Cli::run(app.arguments());
    }

    QApplication app(argc, argv);
    describeApplication();
    loadTranslations();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Parallax"));
    // The installed .desktop file's name (the Wayland app id), and the icon for window systems
    // that take it from the window.
    QGuiApplication::setDesktopFileName(QStringLiteral(PARALLAX_APP_ID));
    QIcon icon;
    icon.addFile(QStringLiteral(":/icons/parallax-48.png"));
    icon.addFile(QStringLiteral(":/icons/parallax-128.png"));
    QApplication::setWindowIcon(icon);

    // Qt has taken its own options (-platform, -style, ...) out of the arguments by now.
    QString workspace;
    bool sample = false;
    for (const QString &a : app.arguments().mid(1)) {
        if (a == QLatin1String("--sample"))
            sample = true;
        else if (workspace.isEmpty() && !a.startsWith(QLatin1Char('-')))
            workspace = a;
    }
    MainWindow window;
    if (sample && workspace.isEmpty())
        window.openSampleStory();
    else
        window.openInitialWorkspace(workspace);
    window.show();
    return app.exec();
}
