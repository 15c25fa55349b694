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

namespace {

// Characters NFKC leaves alone (or, for NBSP, turns into a space that QuoteFinder::normalized
// makes of it anyway) and that have no case: with only these and ASCII, a passage needs neither
// NFKC nor full case folding, which cost far more than detection itself.
bool plainEnough(const QString &text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            continue;
        switch (u) {
        case 0x00A0:
        case 0x00AB:
        case 0x00BB:
        case 0x2013:
        case 0x2014:
        case 0x2018:
        case 0x2019:
        case 0x201C:
        case 0x201D:
            continue;
        default:
            return false;
        }
    }
    return true;
}

// QuoteFinder::normalized(text).toCaseFolded() for a text that is plainEnough.
QString plainNormalised(const QString &text)
{
    QString s(text.size(), Qt::Uninitialized);
    char16_t *d = reinterpret_cast<char16_t *>(s.data());
    const char16_t *c = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    qsizetype n = 0;
    for (qsizetype i = 0; i < size; ++i) {
        char16_t u = c[i];
        if (QChar::isSpace(u)) {
            while (i + 1 < size && QChar::isSpace(c[i + 1]))
                ++i;
            u = u' ';
        } else if (u >= u'A' && u <= u'Z') {
            u = char16_t(u + 32);
        } else if (u == u'`' || u == 0x2018 || u == 0x2019) {
            u = u'\'';
        } else if (u == 0x201C || u == 0x201D || u == 0x00AB || u == 0x00BB) {
            u = u'"';
        }
        d[n++] = u;
    }
    s.truncate(n);
    return s;
}

} // namespace

QString normalisedPassageText(const QString &text)
{
    QString s;
    if (plainEnough(text)) {
        s = plainNormalised(text);
    } else {
        s = QuoteFinder::normalized(text.normalized(QString::NormalizationForm_KC)).toCaseFolded();
    }
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
    return suggestionKeyOfNormalised(kind, std::move(texts));
}

QByteArray suggestionKeyOfNormalised(Kind kind, QStringList texts)
{
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
    return passageKeyOfNormalised(kind, normalisedPassageText(text));
}

QByteArray passageKeyOfNormalised(Kind kind, const QString &normalisedText)
{
    // Two 64-bit FNV-1a hashes from different starting points: fixed on every machine (unlike
    // qHash), and much cheaper than a cryptographic digest, which nothing here needs.
    quint64 a = 14695981039346656037ull;
    quint64 b = 0x6a09e667f3bcc908ull;
    auto add = [&](char16_t c) {
        a = (a ^ c) * 1099511628211ull;
        b = (b ^ c) * 0x100000001b3ull;
        b ^= b >> 29;
    };
    for (QChar c : kindKey(kind == Kind::Quote ? Kind::Sentence : kind))
        add(c.unicode());
    add(0);
    for (QChar c : normalisedText)
        add(c.unicode());
    return QByteArray::number(a, 16).rightJustified(16, '0') + QByteArray::number(b, 16).rightJustified(16, '0');
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
