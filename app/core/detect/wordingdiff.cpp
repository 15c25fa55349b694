#include "detect/wordingdiff.h"

namespace WordingDiff {

QStringList tokens(const QString &text)
{
    QStringList result;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty())
            result.append(std::exchange(word, {}));
    };
    for (const QChar c : text) {
        if (c.isSpace()) {
            flush();
        } else if (c.isLetterOrNumber() || c == QLatin1Char('-')
                   || ((c == QChar(0x2019) || c == QLatin1Char('\'')) && !word.isEmpty())) {
            // Letters, digits, hyphens and apostrophes inside a word keep it one word ("didn’t").
            word.append(c);
        } else {
            flush();
            result.append(QString(c));
        }
    }
    flush();
    // An apostrophe left at a word's end was a closing quote mark: give it back its own token.
    QStringList split;
    for (const QString &t : std::as_const(result)) {
        if (t.size() > 1 && (t.endsWith(QChar(0x2019)) || t.endsWith(QLatin1Char('\'')))) {
            split << t.chopped(1) << t.right(1);
        } else {
            split << t;
        }
    }
    return split;
}

QList<Token> diff(const QString &base, const QString &other)
{
    const QStringList a = tokens(base), b = tokens(other);
    const qsizetype n = a.size(), m = b.size();
    // Passages are a sentence or two: the quadratic table is small.
    QList<int> lcs((n + 1) * (m + 1), 0);
    auto at = [&](qsizetype i, qsizetype j) -> int & { return lcs[i * (m + 1) + j]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = a.at(i) == b.at(j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    QList<Token> result;
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            result.append({a.at(i), Token::Same});
            ++i;
            ++j;
        } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
            result.append({b.at(j), Token::Added});
            ++j;
        } else {
            result.append({a.at(i), Token::Dropped});
            ++i;
        }
    }
    return result;
}

} // namespace WordingDiff
