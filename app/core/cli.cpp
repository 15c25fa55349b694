#include "cli.h"

#include "commands/common.h"

#include <QCoreApplication>

namespace Cli {

namespace {

// Every headless command: its name, and the function that runs it.
struct Command {
    const char *name;
    int (*run)(const QStringList &arguments);
};
// clang-format off: one command a line, however many there are
const Command Commands[] = {
    {"import", runImport},
    {"annotate", runAnnotate},
    {"claims", runClaims},
    {"detect", runDetect},
    {"export", runExport},
    {"annotations", runAnnotations},
};
// clang-format on

const Command *command(const QString &name)
{
    for (const Command &c : Commands) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

const QStringList GuiOptions = {QStringLiteral("--sample")};

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
        "  annotate --workspace FILE --quote TEXT --claim TITLE [--status S] [--note N]\n"
        "           [--article ID] [--wording K]\n"
        "                                      Highlight every occurrence of a quote and link it to the claim\n"
        "                                      with that title (created if new); S is one of unsupported,\n"
        "                                      supported, disputed, \"needs check\"\n"
        "  claims --workspace FILE [--json]    List the claims, their appearances and the coverage matrix\n"
        "  detect [--json] [--score KEY] (--workspace FILE | ARTICLE...)\n"
        "                                      Suggest shared claims: the same quote, figure, date or a\n"
        "                                      near-identical sentence in several articles\n"
        "  export --workspace FILE [--pdf OUT] [--markdown OUT] [--csv OUT] [--jsonld OUT] [--author NAME]\n"
        "                                      Export an annotated PDF dossier, a Markdown report, a CSV of\n"
        "                                      appearances or W3C Web Annotation JSON-LD\n"
        "  annotations --workspace FILE --import FILE.jsonld\n"
        "                                      Import W3C Web Annotation JSON-LD into a workspace that holds\n"
        "                                      the same articles\n"
        "\n"
        "Offsets printed by annotate, claims and detect are Unicode code points into the article body (the\n"
        "headline not included), as [start, end) with end exclusive.\n"
        "\n"
        "Options:\n"
        "  -h, --help     Show this help; 'parallax COMMAND --help' shows a command's options\n"
        "  -v, --version  Show the version\n"
        "\n"
        "Exit status: 0 on success; 1 when something failed, with one line per problem on stderr;\n"
        "2 for a usage error.\n"
        "\n"
        "Files:\n"
        "  ~/.config/Parallax/parallax.conf                         Settings\n"
        "  ~/.local/share/Parallax/parallax/Sample story.parallax   The sample story's workspace\n"
        "\n"
        "More in 'man parallax'.\n");
}

bool isHeadless(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    if (command(first) || first == QLatin1String("-h") || first == QLatin1String("-v"))
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
    if (arguments.size() > 2 && !command(first)) {
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
    if (const Command *c = command(first))
        return c->run(arguments.mid(1));
    for (const QString &a : arguments.mid(1)) {
        if (a.startsWith(QLatin1Char('-')) && !GuiOptions.contains(a))
            return usageError(QStringLiteral("unknown option '%1'").arg(a));
    }
    return usageError(QStringLiteral("unknown command '%1'").arg(first));
}

} // namespace Cli