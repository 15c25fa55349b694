#pragma once

#include "annotation.h"

#include <QList>
#include <QString>

namespace KSyntaxHighlighting {
class Definition;
class Repository;
class Theme;
} // namespace KSyntaxHighlighting

class QPalette;

// Reading cues: the places in news prose where claims hide (quotations, attributions such as
// "said" or "according to", hedges such as "allegedly", figures and dates), found by the
// "Parallax News Prose" KSyntaxHighlighting definition (resources/syntax/news-prose.xml). The
// reading panes paint them; this is the same grammar without painting, for annotation and
// detection.
namespace ReadingCues {

enum class Kind { Quotation, Attribution, Hedge, Figure, Date };

// A cue as [start, end) offsets in UTF-16 code units into the text it was found in.
struct Cue {
    Kind kind = Kind::Quotation;
    int start = 0;
    int end = 0;
    bool operator==(const Cue &) const = default;
};

QString kindName(Kind kind); // "quotation", "attribution", ... for tests and debugging

// The definition's name in the repository.
QString definitionName();

// The calling thread's repository (Repository is not thread-safe, so each thread that asks gets
// its own). It lives until the thread ends (the main thread's until the program does), longer
// than any highlighter made from it.
KSyntaxHighlighting::Repository &repository();
// Starts making the main thread's repository on a worker (it indexes some 400 definitions and
// 30 themes: 4-5 ms of the main thread here) while a window builds itself; repository() on the
// main thread then takes it, waiting for it if need be. Called from the main thread; does
// nothing elsewhere or once the repository exists.
void prepareRepository();
// Whether the main thread's repository was the one prepareRepository() had made (for tests).
bool mainRepositoryWasPrepared();
KSyntaxHighlighting::Definition definition();
// KDE's default theme for the palette: the dark one when the page (QPalette::Base) is dark.
// Repository::themeForPalette would find the closest of every installed theme, but it parses
// each theme's JSON to compare them (40 M instructions at start-up, three times the cues' own
// first pass); the default pair is made to be read on exactly these two kinds of page.
KSyntaxHighlighting::Theme themeFor(const QPalette &palette);

// The kinds a format of the definition stands for: "Quoted Figure" is a figure inside a
// quotation. Empty for plain text and for formats of other definitions.
QList<Kind> kindsOfFormat(const QString &formatName);

// The cues in a text whose paragraphs are separated by '\n' (an article body), sorted by start.
// A quotation runs from its opening mark to its closing one, or to the end of its paragraph
// when the outlet never closed it; figures and dates inside it are cues of their own as well.
QList<Cue> cuesIn(const QString &text);

// How an article most likely words the passage text[start, end): verbatim when it is mostly
// inside a quotation, attributed when an attribution is in the same sentence, hedged when a hedge
// is in it or in its sentence, otherwise stated as fact. Only the passage's paragraphs are read.
Wording suggestWording(const QString &text, int start, int end);

} // namespace ReadingCues

Q_DECLARE_TYPEINFO(ReadingCues::Cue, Q_PRIMITIVE_TYPE);
