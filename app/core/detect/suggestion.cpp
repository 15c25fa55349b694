#include "suggestion.h"

#include "quotefinder.h"

#include <QCryptographicHash>

#include <algorithm>

namespace Detect {

QString kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Quote:
        return QStringLiteral("quote");
    case Kind::Figure:
        return QStringLiteral("figure");
    case Kind::Date:
        return QStringLiteral("date");
    case Kind::Sentence:
        break;
    }
    return QStringLiteral("sentence");
}

bool kindFromKey(const QString &key, Kind *kind)
{
    for (Kind k : {Kind::Quote, Kind::Figure, Kind::Date, Kind::Sentence}) {
        if (kindKey(k) == key) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString normalisedPassageText(const QString &text)
{
    QString s = QuoteFinder::normalized(text.normalized(QString::NormalizationForm_KC)).toCaseFolded();
    auto trimmable = [](QChar c) { return c.isSpace() || c.isPunct(); };
    qsizetype a = 0;
    qsizetype b = s.size();
    while (a < b && trimmable(s.at(a)))
        ++a;
    while (b > a && trimmable(s.at(b - 1)))
        --b;
    return s.mid(a, b - a);
}

QByteArray suggestionKey(Kind kind, const QStringList &passageTexts)
{
    QStringList texts;
    for (const QString &t : passageTexts)
        texts << normalisedPassageText(t);
    std::sort(texts.begin(), texts.end());
    texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(kindKey(kind).toUtf8());
    for (const QString &t : std::as_const(texts)) {
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(t.toUtf8());
    }
    return hash.result().toHex().left(32);
}

QByteArray passageKey(Kind kind, const QString &text)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(kindKey(kind == Kind::Quote ? Kind::Sentence : kind).toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(normalisedPassageText(text).toUtf8());
    return hash.result().toHex().left(32);
}

std::optional<Suggestion> withoutPassages(const Suggestion &suggestion, const QSet<QByteArray> &rejectedPassages)
{
    if (rejectedPassages.isEmpty() || suggestion.passageKeys.size() != suggestion.passages.size())
        return suggestion;
    Suggestion kept = suggestion;
    kept.passages.clear();
    kept.passageKeys.clear();
    QSet<qint64> articles;
    for (qsizetype i = 0; i < suggestion.passages.size(); ++i) {
        if (rejectedPassages.contains(suggestion.passageKeys.at(i)))
            continue;
        kept.passages.append(suggestion.passages.at(i));
        kept.passageKeys.append(suggestion.passageKeys.at(i));
        articles.insert(suggestion.passages.at(i).articleId);
    }
    if (kept.passages.size() == suggestion.passages.size())
        return suggestion;
    if (articles.size() < 2)
        return std::nullopt;
    // What is left is another group: it gets a key of its own, made from its passages' keys.
    QStringList keys;
    for (const QByteArray &k : std::as_const(kept.passageKeys))
        keys << QString::fromLatin1(k);
    kept.key = suggestionKey(kept.kind, keys);
    return kept;
}

} // namespace Detect
