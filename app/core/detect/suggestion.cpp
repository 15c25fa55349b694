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

} // namespace Detect
