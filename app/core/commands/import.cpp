#include "commands/common.h"

#include "importer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace Cli {

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports article files into a workspace, each file whole or not at all.\n"
        "Formats: plain text (line 1 the headline, a blank line, then the body), Markdown, and HTML pages\n"
        "saved from a browser. Prints one line per article; files that fail are reported on stderr."));
    parser.addHelpOption();
    addWorkspaceOption(parser, QStringLiteral("The workspace file (created if it does not exist)."));
    parser.addPositionalArgument(QStringLiteral("ARTICLE"), QStringLiteral("Article files to import."),
                                 QStringLiteral("ARTICLE..."));
    if (const int exit = parseArguments(parser, arguments); exit >= 0)
        return exit;
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
    std::unique_ptr<Workspace> ws = refuseReadOnly(Workspace::open(path, &error), &error);
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
        for (const char *suffix : {"", "-wal", "-shm", "-lock"})
            QFile::remove(path + QLatin1String(suffix));
    }
    for (const QString &p : std::as_const(problems))
        err() << "parallax: " << p << '\n';
    err().flush();
    return failed > 0 ? 1 : 0;
}

} // namespace Cli
