#include "quotefinder.h"

namespace QuoteFinder {

QChar canonicalQuote(QChar c)
{
    switch (c.unicode()) {
    case u'\'':
    case u'\u2018': // ‘
    case u'\u2019': // ’, also the typographic apostrophe
    case u'\u201A': // ‚
    case u'\u201B': // ‛
    case u'\u2032': // ′ often typed for an apostrophe
    case u'\u2039': // ‹
    case u'\u203A': // ›
    case u'\u02BC': // ʼ modifier letter apostrophe
    case u'`':
    case u'\u00B4': // ´
    case u'\uFF07': // ＇
        return QLatin1Char('\'');
    case u'"':
    case u'\u201C': // “
    case u'\u201D': // ”
    case u'\u201E': // „
    case u'\u201F': // ‟
    case u'\u2033': // ″
    case u'\u00AB': // «
    case u'\u00BB': // »
    case u'\u301D': // 〝
    case u'\u301E': // 〞
    case u'\uFF02': // ＂
        return QLatin1Char('"');
    default:
        return c;
    }
}

QString normalized(const QString &text, QList<Match> *origins)
{
    QString result;
    result.reserve(text.size());
    if (origins) {
        origins->clear();
        origins->reserve(text.size());
    }
    const int size = int(text.size());
    for (int i = 0; i < size;) {
        const int from = i;
        QChar c = text.at(i);
        if (c.isSpace()) {
            while (i < size && text.at(i).isSpace())
                ++i;
            c = QLatin1Char(' ');
        } else {
            c = canonicalQuote(c);
            ++i;
        }
        result.append(c);
        if (origins)
            origins->append({from, i});
    }
    return result;
}

QList<Match> findAll(const QString &body, const QString &quote, Qt::CaseSensitivity cs)
{
    QList<Match> matches;
    const QString needle = normalized(quote).trimmed();
    if (needle.isEmpty())
        return matches;
    QList<Match> origins;
    const QString haystack = normalized(body, &origins);
    // Every character of body belongs to exactly one character of haystack, so a match maps back
    // to the original text from the first character's start to the last one's end, whatever
    // whitespace runs it spans.
    for (qsizetype at = haystack.indexOf(needle, 0, cs); at >= 0;) {
        const qsizetype last = at + needle.size() - 1;
        // A quote that begins or ends with half of a surrogate pair would cut a character in two.
        const bool splits = (haystack.at(at).isLowSurrogate() && at > 0 && haystack.at(at - 1).isHighSurrogate())
            || (haystack.at(last).isHighSurrogate() && last + 1 < haystack.size()
                && haystack.at(last + 1).isLowSurrogate());
        if (splits) {
            at = haystack.indexOf(needle, at + 1, cs);
            continue;
        }
        matches.append({origins.at(at).start, origins.at(last).end});
        at = haystack.indexOf(needle, at + needle.size(), cs);
    }
    return matches;
}

} // namespace QuoteFinder
