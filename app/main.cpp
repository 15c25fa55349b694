#include "application.h"
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
        Application::loadTranslations();
        return Cli::run(app.arguments());
    }

    QApplication app(argc, argv);
    describeApplication();
    Application::setUp();

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
