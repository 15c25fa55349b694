#pragma once

#include <QList>
#include <QString>

// Finds a quote in an article body the way a reader means it rather than byte for byte: outlets
// and copy-paste disagree on spaces and quote marks, rarely on the words.
//
// - Any run of Unicode whitespace (QChar::isSpace: spaces, tabs, line breaks, U+00A0, U+2009,
//   U+202F, ...) matches any other run, whatever its length.
// - Quote marks match their variants: ' ‘ ’ ‚ ‛ ′ ‹ › ʼ ` ´ and the full-width ＇ are one single
//   mark (apostrophes included); " “ ” „ ‟ ″ « » 〝 〞 and ＂ are one double mark. Single and
//   double marks stay distinct: 'x' and "x" are different quotes.
// - Everything else is compared as written (case-sensitive unless asked otherwise; no Unicode
//   normalisation, so a precomposed é does not match e + combining accent).
// - Whitespace at either end of the quote is ignored, so a match never starts or ends in a space.
namespace QuoteFinder {

// A match as [start, end) in UTF-16 code units of the text that was searched.
struct Match {
    int start = 0;
    int end = 0;
    bool operator==(const Match &) const = default;
};

// Every occurrence of quote in body, in order and not overlapping (the search goes on after the
// end of each match), with offsets into body as given. An empty or all-whitespace quote finds
// nothing.
QList<Match> findAll(const QString &body, const QString &quote, Qt::CaseSensitivity cs = Qt::CaseSensitive);

// A quote mark as the one straight mark it stands for (' or "); any other character as it is.
// Search and detection share this table, so that all of Parallax agrees on what a quote is.
QChar canonicalQuote(QChar c);

// The form both sides are compared in: whitespace runs as one ' ', quote marks as ' and ".
// When origins is given, it receives for each character of the result the [start, end) of the
// characters of text it stands for.
QString normalized(const QString &text, QList<Match> *origins = nullptr);

} // namespace QuoteFinder
