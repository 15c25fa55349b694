#include "cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

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

    // Commands never need a display: they run on a core application.
    if (Cli::isHeadless(arguments)) {
        QCoreApplication app(argc, argv);
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
