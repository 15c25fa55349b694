#pragma once

#include <QStringList>

// The headless side of the parallax binary: commands for scripts and tests.
namespace Cli {

// True when these arguments ask for a command, --help or --version rather than the window.
bool isHeadless(const QStringList &arguments);

// Runs a headless invocation (arguments include the program name) and returns the exit code:
// 0 success, 1 failure (one line per problem on stderr), 2 usage error.
int run(const QStringList &arguments);

// The text of `parallax --help`.
QString helpText();

} // namespace Cli
