// uishot: photographs the real main window for the README, driven as a reader would drive it.
//   uishot WORKSPACE OUT.png [--make-sample] [--claim TITLE] [--coverage] [--size WxH] [--dark]
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
#include <QPalette>
#include <QTimer>

namespace {
// A dark palette in the colours of KDE's Breeze Dark, for a look at the window as a reader with a
// dark desktop sees it (the offscreen platform has no desktop to ask).
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x20, 0x23, 0x26), base(0x14, 0x16, 0x18), text(0xfc, 0xfc, 0xfc), button(0x29, 0x2c, 0x30);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool off = group == QPalette::Disabled;
        p.setColor(group, QPalette::Window, window);
        p.setColor(group, QPalette::WindowText, off ? QColor(0x6e, 0x71, 0x75) : text);
        p.setColor(group, QPalette::Base, base);
        p.setColor(group, QPalette::AlternateBase, QColor(0x1d, 0x1f, 0x22));
        p.setColor(group, QPalette::Text, off ? QColor(0x65, 0x68, 0x6a) : text);
        p.setColor(group, QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x91));
        p.setColor(group, QPalette::Button, button);
        p.setColor(group, QPalette::ButtonText, off ? QColor(0x72, 0x75, 0x78) : text);
        p.setColor(group, QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        p.setColor(group, QPalette::HighlightedText, text);
        p.setColor(group, QPalette::Light, QColor(0x40, 0x45, 0x4c));
        p.setColor(group, QPalette::Midlight, QColor(0x35, 0x39, 0x3e));
        p.setColor(group, QPalette::Mid, QColor(0x1e, 0x21, 0x24));
        p.setColor(group, QPalette::Dark, QColor(0x14, 0x16, 0x18));
        p.setColor(group, QPalette::Shadow, QColor(0x0b, 0x0c, 0x0d));
        p.setColor(group, QPalette::ToolTipBase, window);
        p.setColor(group, QPalette::ToolTipText, text);
        p.setColor(group, QPalette::Link, QColor(0x1d, 0x99, 0xf3));
        p.setColor(group, QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    }
    return p;
}
} // namespace

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
    parser.addOption({QStringLiteral("dark"), QStringLiteral("A dark palette (Breeze Dark's colours)")});
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
    if (parser.isSet(QStringLiteral("dark")))
        QApplication::setPalette(darkPalette());
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
