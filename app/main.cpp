#include "cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QGuiApplication>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Parallax"));
    QCoreApplication::setApplicationName(QStringLiteral("parallax"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARALLAX_VERSION));
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
        return Cli::run(app.arguments());
    }

    QApplication app(argc, argv);
    describeApplication();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Parallax"));
    QGuiApplication::setDesktopFileName(QStringLiteral("parallax"));

    MainWindow window;
    window.openInitialWorkspace(app.arguments().value(1));
    window.show();
    return app.exec();
}
