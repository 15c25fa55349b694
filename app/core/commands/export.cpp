#include "commands/common.h"

#include "annotationstore.h"
#include "export/pdfexport.h"
#include "export/reports.h"
#include "export/webannotation.h"

#include <QCommandLineParser>

namespace Cli {

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exports a workspace, in one or more forms at once:\n"
        "  --pdf       an annotated PDF dossier: cover, claims table, coverage matrix and every article, each\n"
        "              highlight a PDF highlight annotation commented with its claim\n"
        "  --markdown  a report to read\n"
        "  --csv       one row per highlight and claim (RFC 4180; offsets in code points)\n"
        "  --jsonld    W3C Web Annotation JSON-LD, which 'parallax annotations --import' reads back\n"
        "Each file is written beside its target and renamed into place when complete: a failed export\n"
        "leaves no partial file."));
    parser.addHelpOption();
    addWorkspaceOption(parser, QStringLiteral("The workspace file (must exist)."));
    parser.addOption({QStringLiteral("pdf"), QStringLiteral("Write the PDF dossier to OUT."), QStringLiteral("OUT")});
    parser.addOption(
        {QStringLiteral("markdown"), QStringLiteral("Write the Markdown report to OUT."), QStringLiteral("OUT")});
    parser.addOption(
        {QStringLiteral("csv"), QStringLiteral("Write the CSV of appearances to OUT."), QStringLiteral("OUT")});
    parser.addOption(
        {QStringLiteral("jsonld"), QStringLiteral("Write W3C Web Annotation JSON-LD to OUT."), QStringLiteral("OUT")});
    parser.addOption({QStringLiteral("author"),
                      QStringLiteral("The author the PDF's annotations carry (default: your login name)."),
                      QStringLiteral("NAME")});
    if (const int exit = parseArguments(parser, arguments); exit >= 0)
        return exit;
    const QString path = parser.value(QStringLiteral("workspace"));
    if (path.isEmpty())
        return usageError(QStringLiteral("export needs --workspace FILE"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const QStringList forms
        = {QStringLiteral("pdf"), QStringLiteral("markdown"), QStringLiteral("csv"), QStringLiteral("jsonld")};
    bool any = false;
    for (const QString &form : forms) {
        if (parser.isSet(form) && parser.value(form).isEmpty())
            return usageError(QStringLiteral("--%1 needs a file name").arg(form));
        any = any || parser.isSet(form);
    }
    if (!any)
        return usageError(QStringLiteral("export needs at least one of --pdf, --markdown, --csv, --jsonld"));

    QString error;
    std::unique_ptr<Workspace> ws = openExisting(path, &error);
    if (!ws)
        return failure(error);
    const AnnotationStore store(ws.get());
    const Export::Snapshot snapshot = Export::Snapshot::read(*ws, store);

    int status = 0;
    auto report = [&](const QString &form, const Export::Result &result) {
        if (result.ok())
            out() << form << ": " << parser.value(form) << '\n';
        else
            status = failure(result.error);
    };
    if (parser.isSet(QStringLiteral("pdf"))) {
        Export::PdfOptions options;
        options.author
            = parser.isSet(QStringLiteral("author")) ? parser.value(QStringLiteral("author")) : Export::defaultAuthor();
        report(QStringLiteral("pdf"), Export::writePdf(snapshot, parser.value(QStringLiteral("pdf")), options));
    }
    if (parser.isSet(QStringLiteral("markdown")))
        report(QStringLiteral("markdown"), Export::writeMarkdown(snapshot, parser.value(QStringLiteral("markdown"))));
    if (parser.isSet(QStringLiteral("csv")))
        report(QStringLiteral("csv"), Export::writeCsv(snapshot, parser.value(QStringLiteral("csv"))));
    if (parser.isSet(QStringLiteral("jsonld")))
        report(QStringLiteral("jsonld"), Export::writeWebAnnotations(snapshot, parser.value(QStringLiteral("jsonld"))));
    out().flush();
    return status;
}

} // namespace Cli
