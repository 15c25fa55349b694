// uishot: photographs the real main window for the README, driven as a reader would drive it.
//   uishot WORKSPACE OUT.png [--make-sample] [--claim TITLE] [--coverage] [--size WxH]
// Runs on any Qt platform (offscreen included): the window is rendered with QWidget::grab.
#include "annotationcontroller.h"
#include "annotationstore.h"
#include "annotator.h"
#include "application.h"
#include "mainwindow.h"
#include "samplestory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Parallax"));
    QCoreApplication::setApplicationName(QStringLiteral("parallax"));
    Application::setUp(); // as the executable: the same style and names
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("Workspace to open"));
    parser.addPositionalArgument(QStringLiteral("out"), QStringLiteral("PNG to write"));
    parser.addOption(
        {QStringLiteral("claim"), QStringLiteral("Choose the claim with this title"), QStringLiteral("TITLE")});
    parser.addOption({QStringLiteral("coverage"), QStringLiteral("Show the coverage matrix")});
    parser.addOption({QStringLiteral("make-sample"), QStringLiteral("Create WORKSPACE with the sample story first")});
    parser.addOption(
        {QStringLiteral("size"), QStringLiteral("Window size"), QStringLiteral("WxH"), QStringLiteral("1600x1000")});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        parser.showHelp(2);

    if (parser.isSet(QStringLiteral("make-sample"))) {
        QString error;
        if (!SampleStory::create(args.at(0), &error)) {
            qWarning("%s", qPrintable(error));
            return 1;
        }
    }
    MainWindow w;
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    w.resize(size.value(0).toInt(), size.value(1).toInt());
    if (!w.openWorkspace(args.at(0)))
        return 1;
    if (parser.isSet(QStringLiteral("coverage")))
        w.findChild<QDockWidget *>(QStringLiteral("coverageDock"))->show();
    w.show();
    QTimer::singleShot(300, &w, [&] {
        if (parser.isSet(QStringLiteral("claim"))) {
            if (auto c = w.annotator()->store()->claimByTitle(parser.value(QStringLiteral("claim"))))
                w.annotationController()->chooseClaim(c->id);
        }
        QTimer::singleShot(300, &w, [&] {
            const bool ok = w.grab().save(args.at(1));
            app.exit(ok ? 0 : 1);
        });
    });
    return app.exec();
}
