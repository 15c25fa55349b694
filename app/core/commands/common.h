#pragma once

#include "codepoints.h"

#include "workspace.h"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <memory>

// What the headless commands share: their output streams, the exit-code contract and the
// conversions they all need.
namespace Cli {

QTextStream &out();
QTextStream &err();

// "parallax: <message>" and "Run 'parallax --help'" on stderr; returns 2.
int usageError(const QString &message);
// "parallax: <message>" on stderr; returns 1.
int failure(const QString &message);

QString quoted(const QString &title);

// The -w/--workspace FILE option every command takes, with what it means for this command.
void addWorkspaceOption(QCommandLineParser &parser, const QString &description);
// Parses a command's arguments; -1 when the command should go on, else the exit code to return
// (0 after printing --help, 2 after a usage error on stderr).
int parseArguments(QCommandLineParser &parser, const QStringList &arguments);

// The built-in statuses by the names the command line accepts; 0 for an unknown name.
qint64 statusFromName(const QString &name);

// Opens an existing workspace for a command that reads or annotates one: such a command never
// creates a workspace, since an empty new one could only make it fail.
std::unique_ptr<Workspace> openExisting(const QString &path, QString *error);
// The same for a command that changes the workspace: one that can only be opened read-only (a
// read-only file or folder, or open in another Parallax) is refused with the reason.
std::unique_ptr<Workspace> openExistingForEditing(const QString &path, QString *error);
// nullptr and *error set when ws is read-only; else ws.
std::unique_ptr<Workspace> refuseReadOnly(std::unique_ptr<Workspace> ws, QString *error);

// The commands, each given its arguments after the command name (with a program name first, for
// QCommandLineParser).
int runImport(const QStringList &arguments);
int runAnnotate(const QStringList &arguments);
int runClaims(const QStringList &arguments);
int runDetect(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runAnnotations(const QStringList &arguments);

} // namespace Cli
