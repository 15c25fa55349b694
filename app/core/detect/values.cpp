#include "values.h"

#include <QHash>

#include <cmath>

namespace Detect {

namespace {

const char *const MonthNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
const char *const MonthDisplay[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};

struct Words {
    QHash<quint64, int> months; // form -> 1..12
    // A filter in front of months: most words are not month names, and a bit test is far
    // cheaper than a hash lookup for each word of every article.
    quint64 monthBits[16] = {};
    static size_t bitOf(quint64 form) { return size_t((form * 0x9e3779b97f4a7c15ull) >> 54); }
    bool mayBeMonth(quint64 form) const
    {
        const size_t b = bitOf(form);
        return (monthBits[b / 64] >> (b % 64)) & 1;
    }
    QHash<quint64, double> multipliers;
    // Numbers written as words, "one" to "nineteen" and the tens: newsrooms spell out small
    // numbers and any number that starts a sentence ("Fourteen people were hurt").
    QHash<quint64, int> numberWords;
    quint64 numberBits[16] = {};
    bool mayBeNumberWord(quint64 form) const
    {
        const size_t b = bitOf(form);
        return (numberBits[b / 64] >> (b % 64)) & 1;
    }
    QHash<quint64, QString> currencies; // words written after an amount -> symbol
    quint64 percent = 0;
    quint64 per = 0;
    quint64 cent = 0;
    quint64 of = 0;
    quint64 the = 0;
};

const Words &words()
{
    static const Words w = [] {
        Words result;
        auto form = [](const char *s) { return wordForm(QString::fromLatin1(s)); };
        for (int m = 0; m < 12; ++m) {
            result.months.insert(form(MonthNames[m]), m + 1);
            // Abbreviations: "Apr", "Sept"; "May" is its own.
            result.months.insert(form(QByteArray(MonthNames[m]).left(3).constData()), m + 1);
        }
        result.months.insert(form("sept"), 9);
        for (auto it = result.months.cbegin(); it != result.months.cend(); ++it) {
            const size_t b = Words::bitOf(it.key());
            result.monthBits[b / 64] |= quint64(1) << (b % 64);
        }
        const char *const units[] = {"zero",     "one",     "two",     "three",     "four",     "five",    "six",
                                     "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
                                     "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int k = 1; k < 20; ++k)
            result.numberWords.insert(form(units[k]), k);
        const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int k = 0; k < 8; ++k)
            result.numberWords.insert(form(tens[k]), 20 + 10 * k);
        for (auto it = result.numberWords.cbegin(); it != result.numberWords.cend(); ++it) {
            const size_t b = Words::bitOf(it.key());
            result.numberBits[b / 64] |= quint64(1) << (b % 64);
        }
        for (auto [name, factor] : {std::pair{"thousand", 1e3},
                                    {"million", 1e6},
                                    {"billion", 1e9},
                                    {"trillion", 1e12},
                                    {"mn", 1e6},
                                    {"bn", 1e9}}) {
            result.multipliers.insert(form(name), factor);
        }
        for (auto [name, symbol] : {std::pair{"dollars", "$"},
                                    {"dollar", "$"},
                                    {"usd", "$"},
                                    {"euros", "\u20AC"},
                                    {"euro", "\u20AC"},
                                    {"eur", "\u20AC"},
                                    {"pounds", "\u00A3"},
                                    {"pound", "\u00A3"},
                                    {"gbp", "\u00A3"},
                                    {"yen", "\u00A5"}}) {
            result.currencies.insert(form(name), QString::fromUtf8(symbol));
        }
        result.percent = form("percent");
        result.per = form("per");
        result.cent = form("cent");
        result.of = form("of");
        result.the = form("the");
        return result;
    }();
    return w;
}

struct Number {
    double value = 0;
    int significant = 0;
    bool ordinal = false; // 25th
    bool grouped = false; // 42,000
    bool plainInteger = false; // only digits
    int digits = 0;
    double factor = 1; // from a suffix: 5m, 3bn, 10k
};

bool parseNumber(QStringView s, Number *n)
{
    QString digits;
    qsizetype i = 0;
    bool dot = false;
    for (; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.isDigit()) {
            digits += QChar(u'0' + c.digitValue());
        } else if (c == u',' && !dot && i + 1 < s.size() && s.at(i + 1).isDigit()) {
            n->grouped = true;
        } else if (c == u'.' && !dot && i + 1 < s.size() && s.at(i + 1).isDigit()) {
            dot = true;
            digits += u'.';
        } else {
            break;
        }
    }
    if (digits.isEmpty())
        return false;
    const QString suffix = s.mid(i).toString().toLower();
    n->plainInteger = suffix.isEmpty() && !dot && !n->grouped;
    if (suffix == u"th" || suffix == u"st" || suffix == u"nd" || suffix == u"rd")
        n->ordinal = true;
    else if (suffix == u"k")
        n->factor = 1e3;
    else if (suffix == u"m" || suffix == u"mn")
        n->factor = 1e6;
    else if (suffix == u"bn" || suffix == u"b")
        n->factor = 1e9;
    else if (!suffix.isEmpty())
        return false;
    bool ok = false;
    n->value = digits.toDouble(&ok);
    if (!ok)
        return false;
    QString mantissa = digits;
    mantissa.remove(u'.');
    while (mantissa.startsWith(u'0'))
        mantissa.remove(0, 1);
    n->digits = int(digits.indexOf(u'.') < 0 ? digits.size() : digits.indexOf(u'.'));
    while (mantissa.endsWith(u'0'))
        mantissa.chop(1);
    n->significant = int(mantissa.size());
    return true;
}

quint64 keyOf(Value::Type type, const QString &unit, const QString &amount)
{
    return qHash(QStringLiteral("%1|%2|%3").arg(int(type)).arg(unit, amount), size_t(0x9e3779b9));
}

QString amountText(double v)
{
    return QString::number(v, 'g', 6);
}

QString grouped(double v)
{
    if (v >= 1e9 && std::fmod(v, 1e7) == 0)
        return QString::number(v / 1e9, 'g', 4) + QStringLiteral(" billion");
    if (v >= 1e6 && std::fmod(v, 1e4) == 0)
        return QString::number(v / 1e6, 'g', 4) + QStringLiteral(" million");
    if (v == std::floor(v) && v < 1e15) {
        QString s = QString::number(qint64(v));
        for (qsizetype i = s.size() - 3; i > 0; i -= 3)
            s.insert(i, u',');
        return s;
    }
    return QString::number(v, 'g', 6);
}

} // namespace

std::vector<Value> findValues(const QString &body, const TokenizedText &text)
{
    const Words &w = words();
    const std::vector<Token> &tokens = text.tokens;
    const int n = int(tokens.size());
    std::vector<Value> values;
    std::vector<bool> used(size_t(n), false);
    auto textOf = [&](int i) { return QStringView(body).mid(tokens[size_t(i)].start, tokens[size_t(i)].length); };
    auto sameParagraph = [&](int a, int b) { return text.paragraphOf(a) == text.paragraphOf(b); };
    auto number = [&](int i, Number *num) {
        return i >= 0 && i < n && tokens[size_t(i)].isDigit() && parseNumber(textOf(i), num);
    };
    auto dayAt = [&](int i, Number *num) {
        return number(i, num) && num->factor == 1 && !num->grouped && num->value >= 1 && num->value <= 31
            && num->value == std::floor(num->value) && num->digits <= 2;
    };
    auto yearAt = [&](int i) {
        Number y;
        if (!number(i, &y) || !y.plainInteger || y.digits != 4 || y.value < 1800 || y.value > 2200)
            return 0;
        return int(y.value);
    };

    // Dates first: their numbers are not counts.
    for (int i = 0; i < n; ++i) {
        if (tokens[size_t(i)].isDigit())
            continue;
        if (!w.mayBeMonth(tokens[size_t(i)].form))
            continue;
        const int month = w.months.value(tokens[size_t(i)].form);
        if (month == 0)
            continue;
        // "May" and "March" are words too: a month needs a day or a year beside it.
        Number d;
        int first = i;
        int end = i + 1;
        int day = 0;
        if (i + 1 < n && dayAt(i + 1, &d) && sameParagraph(i, i + 1)) {
            day = int(d.value);
            end = i + 2;
        } else if (i >= 1 && dayAt(i - 1, &d) && sameParagraph(i - 1, i)) {
            day = int(d.value);
            first = i - 1;
        } else if (i >= 2 && tokens[size_t(i - 1)].form == w.of && dayAt(i - 2, &d)) {
            day = int(d.value); // 25th of April
            first = i - 2;
        }
        int year = yearAt(end);
        if (year)
            ++end;
        if (day == 0 && year == 0)
            continue;
        if (day == 0 && tokens[size_t(i)].isStop())
            continue; // "may 2024" reads as a verb too often
        Value v;
        v.type = Value::Date;
        v.key = keyOf(Value::Date, QString(), QStringLiteral("%1-%2").arg(month).arg(day));
        v.year = year;
        v.firstToken = first;
        v.endToken = end;
        v.display = (day ? QString::number(day) + u' ' : QString()) + QLatin1String(MonthDisplay[month - 1])
            + (year ? u' ' + QString::number(year) : QString());
        v.significantDigits = day ? 3 : 1;
        for (int k = first; k < end; ++k)
            used[size_t(k)] = true;
        values.push_back(v);
    }

    // A number in words at i ("fourteen", "twenty-five", "two" before "million"): its value, and
    // how many tokens it takes; 0 when there is none.
    auto numberInWords = [&](int i, Number *num) {
        const Token &t = tokens[size_t(i)];
        if (t.isDigit() || !w.mayBeNumberWord(t.form))
            return 0;
        const int value = w.numberWords.value(t.form);
        if (value == 0)
            return 0;
        int taken = 1;
        int total = value;
        if (value >= 20 && i + 1 < n && sameParagraph(i, i + 1)) {
            // "twenty-five", "twenty five"
            const Token &next = tokens[size_t(i + 1)];
            const int unit = next.isDigit() ? 0 : w.numberWords.value(next.form);
            const QStringView between = QStringView(body).mid(t.end(), next.start - t.end());
            if (unit >= 1 && unit <= 9 && (between == u"-" || between == u" ")) {
                total += unit;
                taken = 2;
            }
        }
        num->value = total;
        num->significant = total % 10 == 0 ? 1 : total >= 10 ? 2 : 1;
        num->digits = total >= 10 ? 2 : 1;
        num->plainInteger = true;
        return taken;
    };

    for (int i = 0; i < n; ++i) {
        Number num;
        if (used[size_t(i)])
            continue;
        int end = i + 1;
        if (const int taken = numberInWords(i, &num)) {
            end = i + taken;
        } else if (!number(i, &num) || num.ordinal) {
            continue;
        }
        double factor = num.factor;
        if (factor == 1 && end < n && sameParagraph(i, end)) {
            const double f = w.multipliers.value(tokens[size_t(end)].form, 0);
            if (f > 0) {
                factor = f;
                ++end;
            }
        }
        const Token &tok = tokens[size_t(i)];
        QString currency;
        const QChar before = tok.start > 0 ? body.at(tok.start - 1) : QChar();
        if (before == u'$' || before == u'\u20AC' || before == u'\u00A3' || before == u'\u00A5' || before == u'\u20B9')
            currency = before;
        else if (end < n && sameParagraph(i, end) && w.currencies.contains(tokens[size_t(end)].form))
            currency = w.currencies.value(tokens[size_t(end++)].form);
        bool percent = false;
        const int afterNumber = tokens[size_t(end - 1)].end();
        if (currency.isEmpty()) {
            if (afterNumber < body.size() && body.at(afterNumber) == u'%') {
                percent = true;
            } else if (end < n && tokens[size_t(end)].form == w.percent) {
                percent = true;
                ++end;
            } else if (end + 1 < n && tokens[size_t(end)].form == w.per && tokens[size_t(end + 1)].form == w.cent) {
                percent = true;
                end += 2;
            }
        }
        const double value = num.value * factor;
        Value v;
        v.firstToken = i;
        v.endToken = end;
        v.significantDigits = num.significant;
        if (!currency.isEmpty()) {
            v.type = Value::Money;
            v.display = currency + grouped(value);
            v.key = keyOf(Value::Money, currency, amountText(value));
        } else if (percent) {
            v.type = Value::Percent;
            v.display = amountText(value) + u'%';
            v.key = keyOf(Value::Percent, QString(), amountText(value));
        } else {
            // A bare year, or a small number ("two", "10"), says too little to be a figure.
            if (num.plainInteger && num.digits == 4 && num.value >= 1800 && num.value <= 2200 && factor == 1)
                continue;
            if (value < 10 || (num.significant < 2 && factor == 1 && value < 1000))
                continue;
            v.type = Value::Count;
            v.display = grouped(value);
            v.key = keyOf(Value::Count, QString(), amountText(value));
        }
        for (int k = i; k < end; ++k)
            used[size_t(k)] = true;
        values.push_back(v);
    }
    return values;
}

} // namespace Detect
