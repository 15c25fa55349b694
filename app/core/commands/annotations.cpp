#include "commands/common.h"

#include "annotator.h"
#include "export/webannotation.h"

#include <QCommandLineParser>
#include <QFile>

namespace Cli {

int runAnnotations(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports W3C Web Annotation JSON-LD, as 'parallax export --jsonld' writes it, into a workspace that\n"
        "holds the same articles (found by the digest of their text, else by headline and outlet).\n"
        "Claims are matched by title and highlights by position, so importing a file twice adds nothing\n"
        "the second time. The file is checked whole before anything is written, and written in one\n"
        "transaction: a broken or mismatched file changes nothing."));
    parser.addHelpOption();
    addWorkspaceOption(parser, QStringLiteral("The workspace file (must exist)."));
    parser.addOption({{QStringLiteral("i"), QStringLiteral("import")},
                      QStringLiteral("The JSON-LD file to import."),
                      QStringLiteral("FILE")});
    if (const int exit = parseArguments(parser, arguments); exit >= 0)
        return exit;
    const QString path = parser.value(QStringLiteral("workspace"));
    const QString input = parser.value(QStringLiteral("import"));
    if (path.isEmpty())
        return usageError(QStringLiteral("annotations needs --workspace FILE"));
    if (input.isEmpty())
        return usageError(QStringLiteral("annotations needs --import FILE.jsonld"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    QFile file(input);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("%1: %2").arg(input, file.errorString()));
    const QByteArray json = file.readAll();
    QString error;
    std::unique_ptr<Workspace> ws = openExistingForEditing(path, &error);
    if (!ws)
        return failure(error);
    Annotator annotator(ws.get());
    const Export::ImportReport report = Export::importWebAnnotations(annotator, json);
    if (!report.ok())
        return failure(QStringLiteral("%1: %2; nothing was imported").arg(input, report.error));
    out() << report.summary() << '\n';
    out().flush();
    return 0;
}

} // namespace Cli
