#pragma once

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>

#include <utility>

class Workspace;

// Where a query was found: [start, end) in UTF-16 code units of the original text, so a reading
// pane can select it directly (its document holds exactly the stored body).
struct TextMatch {
    int start = 0;
    int end = 0;
    friend bool operator==(const TextMatch &, const TextMatch &) = default;
};

// Text around a match for a list of results: whitespace runs shown as one space, cut at word
// boundaries, with "…" where it was cut. [matchStart, matchEnd) is the match within text.
struct TextSnippet {
    QString text;
    int matchStart = 0;
    int matchEnd = 0;
};

// A text prepared for searching the way a reader expects: case does not matter, any run of
// whitespace (no-break spaces and line breaks included) matches any other, and typographic quotes
// match straight ones. Matches are reported in offsets of the original text.
class SearchableText
{
public:
    SearchableText() = default;
    explicit SearchableText(const QString &text);

    const QString &original() const { return m_original; }
    // The query in the form find() expects; empty when the query has nothing but whitespace.
    static QString prepareQuery(const QString &query);
    // Every non-overlapping match of a query made by prepareQuery(), in text order.
    QList<TextMatch> find(const QString &preparedQuery) const;

private:
    int originalOffset(qsizetype foldedOffset) const;

    QString m_original;
    QString m_folded;
    // (folded offset, original minus folded offset) from that point on. Only collapsed whitespace
    // runs shift the two apart, so this stays short where a full offset table would double the
    // memory a body takes.
    QList<std::pair<int, int>> m_shifts;
};

namespace TextSearch {
// Every match of query in text; none for an empty or all-whitespace query.
QList<TextMatch> findAll(const QString &text, const QString &query);
// About context characters on each side of the match, trimmed to whole words.
TextSnippet snippet(const QString &text, TextMatch match, int context = 40);
} // namespace TextSearch

// Searches the article bodies of one workspace. Each body is read and prepared once, then kept:
// articles are not edited once imported, so an entry only goes stale when an id is reused.
class ArticleTextSearch
{
public:
    void setWorkspace(const Workspace *workspace);
    // Drops what is kept for these articles, so the next search reads them again.
    void forget(const QList<qint64> &articleIds);

    QList<TextMatch> find(qint64 articleId, const QString &preparedQuery);
    TextSnippet snippet(qint64 articleId, TextMatch match);

private:
    const SearchableText &text(qint64 articleId);

    QPointer<const Workspace> m_workspace;
    QHash<qint64, SearchableText> m_texts;
};
