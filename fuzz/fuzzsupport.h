#pragma once

#include <QGuiApplication>

#include <cstdio>
#include <cstdlib>

// What every fuzz target shares: a headless application (Markdown goes through QTextDocument,
// which wants a QGuiApplication) and a way to report a broken invariant as a crash that libFuzzer
// saves with the input that caused it.
namespace FuzzSupport {

inline void startApplication()
{
    static int argc = 1;
    static char name[] = "parallax-fuzz";
    static char *argv[] = {name, nullptr};
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_LOGGING_RULES", "*=false");
    static QGuiApplication app(argc, argv);
}

[[noreturn]] inline void broken(const char *what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

inline void check(bool ok, const char *what)
{
    if (!ok)
        broken(what);
}

} // namespace FuzzSupport
