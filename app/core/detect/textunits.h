#pragma once

#include <QString>
#include <QStringView>

#include <vector>

// An article body cut into what detection compares: words in a normalised form, sentences,
// clause-sized units and paragraphs, all pointing back into the body by UTF-16 offsets.
namespace Detect {

// The normalised form of one word: NFKC, case-folded, apostrophe variants as '\''. Equal forms
// are equal words for every stage of detection.
quint64 wordForm(QStringView word);

struct Token {
    enum Flag : quint8 {
        Stop = 1, // a function word ("the", "of", "would"): never evidence on its own
        Digit = 2, // starts with a digit
        ParagraphBefore = 4, // a line break between the word before and this one
        ClauseBefore = 8, // clause punctuation (, ; : ( ) and dashes) between them
    };
    quint64 form = 0; // wordForm of the word
    quint32 stem = 0; // a looser form for similarity: possessive and plural -s dropped
    qint32 start = 0; // UTF-16 offset into the body
    quint16 length = 0;
    quint8 flags = 0;
    quint32 unit = 0; // the Unit it belongs to
    int end() const { return start + length; }
    bool isStop() const { return flags & Stop; }
    bool isDigit() const { return flags & Digit; }
};

// A clause-sized piece of a sentence (split at , ; : ( ) and dashes, short pieces joined to a
// neighbour): what near-identical sentences and figures are compared by.
struct Unit {
    int first = 0; // token range [first, end)
    int end = 0;
    int sentence = 0;
    int paragraph = 0;
};

struct Range {
    int first = 0; // token range [first, end)
    int end = 0;
    int start = 0; // UTF-16 range [start, stop) of the body
    int stop = 0;
};

struct TokenizedText {
    std::vector<Token> tokens;
    std::vector<Unit> units;
    std::vector<Range> sentences;
    std::vector<Range> paragraphs;
    std::vector<int> quoteMarks; // UTF-16 offsets of quotation marks (not apostrophes), ascending

    // True when a quotation mark lies in [start - reach, end + reach) within one paragraph.
    bool nearQuoteMark(int start, int end, int reach) const;
    int paragraphOf(int token) const { return units.at(tokens.at(token).unit).paragraph; }
    int sentenceOf(int token) const { return units.at(tokens.at(token).unit).sentence; }
};

// How word and sentence boundaries are found.
enum class Boundaries {
    // Lines of plain ASCII (after the copy described below) by a direct implementation of the
    // UAX #29 rules for ASCII characters, other lines by QTextBoundaryFinder. The result is the
    // same as with Unicode (tests/tst_detectquality checks it on many texts), in a fraction of
    // the time.
    Fast,
    // Every line by QTextBoundaryFinder: the reference the fast path is checked against.
    Unicode,
};

// Words and sentences are found by UAX #29 on a copy of the text in which every space variant
// (NBSP included) is a plain space and typographic quote marks are ASCII ones, so the body's
// offsets stay valid.
TokenizedText tokenize(const QString &body, Boundaries boundaries = Boundaries::Fast);

} // namespace Detect
