#include "commands/common.h"

#include "annotation.h"

#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace Cli {

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

QString quoted(const QString &title)
{
    return QLatin1Char('"') + title + QLatin1Char('"');
}

// The built-in statuses by the names the command line accepts.
qint64 statusFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("unsupported"))
        return Status::Unsupported;
    if (n == QLatin1String("supported"))
        return Status::Supported;
    if (n == QLatin1String("disputed"))
        return Status::Disputed;
    if (n == QLatin1String("needs check") || n == QLatin1String("needs-check"))
        return Status::NeedsCheck;
    return 0;
}

// Opens an existing workspace for a command that reads or annotates one: such a command never
// creates a workspace, since an empty new one could only make it fail.
std::unique_ptr<Workspace> openExisting(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: no such workspace").arg(path);
        return nullptr;
    }
    return Workspace::open(path, error);
}

std::unique_ptr<Workspace> refuseReadOnly(std::unique_ptr<Workspace> ws, QString *error)
{
    if (ws && ws->isReadOnly()) {
        *error = QStringLiteral("%1: cannot be changed: %2; nothing was changed")
                     .arg(QFileInfo(ws->path()).fileName(), ws->readOnlyReason());
        return nullptr;
    }
    return ws;
}

std::unique_ptr<Workspace> openExistingForEditing(const QString &path, QString *error)
{
    return refuseReadOnly(openExisting(path, error), error);
}

void addWorkspaceOption(QCommandLineParser &parser, const QString &description)
{
    parser.addOption({{QStringLiteral("w"), QStringLiteral("workspace")}, description, QStringLiteral("FILE")});
}

int parseArguments(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return 0;
    }
    return -1;
}

} // namespace Cli
