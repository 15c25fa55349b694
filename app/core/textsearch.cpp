#include "textsearch.h"

#include "quotefinder.h"
#include "workspace.h"

#include <algorithm>

namespace {

// Folds text for matching, one folded code unit per original one except that each whitespace run
// becomes a single space. visit(foldedUnits, originalOffset) is called for each piece appended.
template<typename Visit> void fold(const QString &text, Visit visit)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            visit(QStringView(u" "), i);
            while (i < n && text.at(i).isSpace())
                ++i;
            continue;
        }
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            const char32_t original = QChar::surrogateToUcs4(c, text.at(i + 1));
            const char32_t folded = QChar::toCaseFolded(original);
            // Keep offsets one to one: a folding that would change the length is not applied.
            if (QChar::requiresSurrogates(folded)) {
                const char16_t pair[2] = {QChar::highSurrogate(folded), QChar::lowSurrogate(folded)};
                visit(QStringView(pair, 2), i);
            } else {
                visit(QStringView(text).mid(i, 2), i);
            }
            i += 2;
            continue;
        }
        const char16_t quote = QuoteFinder::canonicalQuote(c).unicode();
        const char16_t folded = quote != c.unicode() ? quote : c.toCaseFolded().unicode();
        visit(QStringView(&folded, 1), i);
        ++i;
    }
}

} // namespace

SearchableText::SearchableText(const QString &text)
    : m_original(text)
{
    m_folded.reserve(text.size());
    int shift = 0;
    m_shifts.append({0, 0});
    fold(text, [this, &shift](QStringView units, qsizetype originalOffset) {
        const int foldedOffset = int(m_folded.size());
        if (int(originalOffset) - foldedOffset != shift) {
            shift = int(originalOffset) - foldedOffset;
            m_shifts.append({foldedOffset, shift});
        }
        m_folded.append(units);
    });
}

QString SearchableText::prepareQuery(const QString &query)
{
    QString prepared;
    prepared.reserve(query.size());
    fold(query, [&prepared](QStringView units, qsizetype) { prepared.append(units); });
    return prepared.trimmed().isEmpty() ? QString() : prepared;
}

QList<TextMatch> SearchableText::find(const QString &preparedQuery) const
{
    QList<TextMatch> matches;
    if (preparedQuery.isEmpty())
        return matches;
    qsizetype from = 0;
    while ((from = m_folded.indexOf(preparedQuery, from)) >= 0) {
        const qsizetype to = from + preparedQuery.size();
        matches.append({originalOffset(from), originalOffset(to)});
        from = to;
    }
    return matches;
}

int SearchableText::originalOffset(qsizetype foldedOffset) const
{
    // A folded unit stands for the original text up to the next one's start, so the end of a match
    // that ends in collapsed whitespace takes in the whole run.
    if (foldedOffset >= m_folded.size())
        return int(m_original.size());
    auto after = std::upper_bound(m_shifts.cbegin(), m_shifts.cend(), int(foldedOffset),
                                  [](int offset, const std::pair<int, int> &s) { return offset < s.first; });
    return int(foldedOffset) + std::prev(after)->second;
}

QList<TextMatch> TextSearch::findAll(const QString &text, const QString &query)
{
    return SearchableText(text).find(SearchableText::prepareQuery(query));
}

TextSnippet TextSearch::snippet(const QString &text, TextMatch match, int context)
{
    const int n = int(text.size());
    const int start = std::clamp(match.start, 0, n);
    const int end = std::clamp(match.end, start, n);

    int left = std::max(0, start - context);
    if (left > 0) {
        // Start after the first word break in the margin; a single word longer than the margin is cut.
        int i = left;
        while (i < start && !text.at(i).isSpace())
            ++i;
        if (i < start)
            left = i;
        else if (text.at(left).isLowSurrogate())
            ++left;
    }
    int right = std::min(n, end + context);
    if (right < n) {
        int i = right;
        while (i > end && !text.at(i).isSpace())
            --i;
        if (i > end)
            right = i;
        else if (text.at(right - 1).isHighSurrogate() && right - 1 > end)
            --right;
    }

    TextSnippet result;
    QString &out = result.text;
    if (left > 0)
        out += QChar(0x2026);
    const qsizetype prefix = out.size();
    bool pendingSpace = false;
    // Where the next character lands, counting the space a whitespace run before it turns into.
    auto position = [&] { return int(out.size()) + (pendingSpace && out.size() > prefix ? 1 : 0); };
    for (int i = left; i < right; ++i) {
        if (i == start)
            result.matchStart = position();
        if (i == end)
            result.matchEnd = position();
        const QChar c = text.at(i);
        if (c.isSpace()) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && out.size() > prefix)
            out += QLatin1Char(' ');
        pendingSpace = false;
        out += c;
    }
    if (start == right)
        result.matchStart = int(out.size());
    if (end == right)
        result.matchEnd = int(out.size());
    if (right < n)
        out += QChar(0x2026);
    return result;
}

void ArticleTextSearch::setWorkspace(const Workspace *workspace)
{
    m_workspace = workspace;
    m_texts.clear();
}

void ArticleTextSearch::forget(const QList<qint64> &articleIds)
{
    for (qint64 id : articleIds)
        m_texts.remove(id);
}

QList<TextMatch> ArticleTextSearch::find(qint64 articleId, const QString &preparedQuery)
{
    return text(articleId).find(preparedQuery);
}

TextSnippet ArticleTextSearch::snippet(qint64 articleId, TextMatch match)
{
    return TextSearch::snippet(text(articleId).original(), match);
}

const SearchableText &ArticleTextSearch::text(qint64 articleId)
{
    auto it = m_texts.find(articleId);
    if (it == m_texts.end())
        it = m_texts.insert(articleId, SearchableText(m_workspace ? m_workspace->articleBody(articleId) : QString()));
    return *it;
}
