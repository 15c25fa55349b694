#include "cli.h"

#include "importer.h"
#include "workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace Cli {

namespace {

const QStringList Commands = {QStringLiteral("import")};
const QStringList GuiOptions = {QStringLiteral("--sample")};

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int usageError(const QString &message)
{
    err() << "parallax: " << message << "\nRun 'parallax --help' for usage.\n";
    err().flush();
    return 2;
}

int failure(const QString &message)
{
    err() << "parallax: " << message << '\n';
    err().flush();
    return 1;
}

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports article files into a workspace, each file whole or not at all.\n"
        "Formats: plain text (line 1 the headline, a blank line, then the body), Markdown, and HTML pages\n"
        "saved from a browser. Prints one line per article; files that fail are reported on stderr."));
    parser.addHelpOption();
    parser.addOption({{QStringLiteral("w"), QStringLiteral("workspace")},
                      QStringLiteral("The workspace file (created if it does not exist)."),
                      QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("ARTICLE"), QStringLiteral("Article files to import."),
                                 QStringLiteral("ARTICLE..."));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    const QString path = parser.value(QStringLiteral("workspace"));
    const QStringList files = parser.positionalArguments();
    if (path.isEmpty())
        return usageError(QStringLiteral("import needs --workspace FILE"));
    if (files.isEmpty())
        return usageError(QStringLiteral("import needs at least one article file"));

    QList<ArticleDraft> drafts;
    QStringList problems;
    for (const QString &file : files) {
        Importer::Result r = Importer::importFile(file);
        if (r.ok())
            drafts.append(r.draft);
        else
            problems.append(r.error);
    }
    const bool existed = QFileInfo::exists(path);
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(path, &error);
    if (!ws)
        return failure(error);
    int failed = int(problems.size());
    const QList<Workspace::AddResult> results = ws->addArticles(drafts);
    for (qsizetype i = 0; i < results.size(); ++i) {
        const Workspace::AddResult &r = results.at(i);
        const ArticleDraft &d = drafts.at(i);
        if (r.duplicate) {
            out() << d.sourceName << ": already in the workspace as article " << r.id << ", skipped\n";
        } else if (r.ok()) {
            out() << d.sourceName << ": imported as article " << r.id << " \u2014 " << d.headline << '\n';
        } else {
            problems.append(QStringLiteral("%1: could not be stored (%2)").arg(d.sourceName, r.error));
            ++failed;
        }
    }
    out().flush();
    const bool nothingStored = ws->articleCount() == 0;
    ws.reset();
    if (!existed && nothingStored) {
        // Leave no empty workspace behind when nothing could be imported into a new one.
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
    }
    for (const QString &p : std::as_const(problems))
        err() << "parallax: " << p << '\n';
    err().flush();
    return failed > 0 ? 1 : 0;
}

} // namespace

QString helpText()
{
    return QStringLiteral(
        "Usage: parallax [WORKSPACE]\n"
        "       parallax COMMAND [OPTIONS]\n"
        "\n"
        "Parallax shows how several outlets reported one story, side by side.\n"
        "\n"
        "Without a command it opens WORKSPACE (a .parallax file, created if it does not exist) in a\n"
        "window; with no WORKSPACE, the last one used, or the sample story on first launch.\n"
        "  --sample       Open the sample story (five real articles on one story)\n"
        "\n"
        "Commands:\n"
        "  import --workspace FILE ARTICLE...  Import article files (text, Markdown, HTML) into a workspace\n"
        "\n"
        "Options:\n"
        "  -h, --help     Show this help; 'parallax COMMAND --help' shows a command's options\n"
        "  -v, --version  Show the version\n"
        "\n"
        "Exit status: 0 on success; 1 when something failed, with one line per problem on stderr;\n"
        "2 for a usage error.\n");
}

bool isHeadless(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    if (Commands.contains(first) || first == QLatin1String("-h") || first == QLatin1String("-v"))
        return true;
    // Long options other than the window's own are answered without a window (--help,
    // --version, or a usage error). Single-dash options belong to Qt (-platform, -style, ...).
    for (const QString &a : arguments.mid(1)) {
        if (a.startsWith(QLatin1String("--")) && !GuiOptions.contains(a))
            return true;
    }
    return false;
}

int run(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (arguments.size() > 2 && !Commands.contains(first)) {
        for (const QString &a : arguments.mid(1)) {
            if (a == QLatin1String("--help") || a == QLatin1String("--version"))
                return run({arguments.first(), a});
        }
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        out() << helpText();
        return 0;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out() << "parallax " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (first == QLatin1String("import"))
        return runImport(arguments.mid(1));
    for (const QString &a : arguments.mid(1)) {
        if (a.startsWith(QLatin1Char('-')) && !GuiOptions.contains(a))
            return usageError(QStringLiteral("unknown option '%1'").arg(a));
    }
    return usageError(QStringLiteral("unknown command '%1'").arg(first));
}

} // namespace Cli
