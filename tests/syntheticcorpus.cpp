#include "syntheticcorpus.h"

#include <QSet>
#include <QStringList>

#include <cmath>

namespace Synthetic {

namespace {

// splitmix64: the same numbers on every platform and compiler, unlike <random>'s distributions.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    {
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(double p) { return double(next() >> 11) / double(1ull << 53) < p; }

private:
    quint64 m_state;
};

const char *const Syllables[]
    = {"ka", "lo",  "mer", "ti", "san", "dru", "vel", "no", "pra", "zon", "ith", "ku",  "bel", "tor", "an", "wex",
       "ri", "sol", "gam", "fe", "quo", "lin", "dar", "mu", "ost", "pel", "ny",  "har", "ve",  "cri", "bo", "len"};
const char *const Function[] = {"the", "of", "and", "to",   "in", "a",   "that", "is",    "for",  "on", "with",  "as",
                                "was", "by", "it",  "from", "at", "has", "its",  "their", "this", "be", "which", "had"};
const char *const Months[] = {"January", "February", "March",     "April",   "May",      "June",
                              "July",    "August",   "September", "October", "November", "December"};

class Words
{
public:
    explicit Words(Random &random)
        : m_random(random)
    {
        // Distinct made-up words, drawn with Zipf's law as words of a language are.
        QSet<QString> seen;
        while (m_words.size() < 6000) {
            QString w;
            const int n = random.between(2, 4);
            for (int i = 0; i < n; ++i)
                w += QLatin1String(Syllables[random.below(int(std::size(Syllables)))]);
            if (!seen.contains(w)) {
                seen.insert(w);
                m_words << w;
            }
        }
        double total = 0;
        for (qsizetype i = 0; i < m_words.size(); ++i) {
            total += 1.0 / double(i + 1);
            m_cumulative.push_back(total);
        }
    }
    QString word()
    {
        const double x = double(m_random.next() >> 11) / double(1ull << 53) * m_cumulative.back();
        const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), x);
        return m_words.at(qsizetype(it - m_cumulative.begin()));
    }
    // A word from the rare end: what names and subjects of one story are made of.
    QString rare() { return m_words.at(m_random.between(1000, int(m_words.size()) - 1)); }
    static bool isFunction(const QString &w)
    {
        for (const char *f : Function) {
            if (w == QLatin1String(f))
                return true;
        }
        return false;
    }
    QString function() { return QLatin1String(Function[m_random.below(int(std::size(Function)))]); }
    // Words of a clause: content words with function words between them.
    QStringList phrase(int n, const QStringList &mustHave = {})
    {
        QStringList out;
        QStringList pending = mustHave;
        while (out.size() < n || !pending.isEmpty()) {
            if (m_random.chance(0.4)) {
                out << function();
            } else if (!pending.isEmpty() && m_random.chance(0.5)) {
                out << pending.takeFirst();
            } else {
                out << word();
            }
        }
        return out;
    }

private:
    Random &m_random;
    QStringList m_words;
    std::vector<double> m_cumulative;
};

QString sentence(QStringList words)
{
    if (!words.isEmpty())
        words[0][0] = words[0][0].toUpper();
    return words.join(u' ') + u'.';
}

// An article under construction: paragraphs of text, with planted spans recorded as they land.
struct Draft {
    QStringList paragraphs;
    struct Plant {
        int paragraph;
        int offset; // in the paragraph
        int length;
        QString claim;
        QString kind;
    };
    QList<Plant> plants;

    void plant(int paragraph, const QString &before, const QString &passage, const QString &after, const QString &claim,
               const QString &kind)
    {
        QString &p = paragraphs[paragraph];
        if (!p.isEmpty())
            p += u' ';
        p += before;
        if (!claim.isEmpty())
            plants.append({paragraph, int(p.size()), int(passage.size()), claim, kind});
        p += passage + after;
    }
};

} // namespace

Corpus generate(const Shape &shape)
{
    Random random(shape.seed);
    Words words(random);
    Corpus corpus;

    // Furniture of the one site all articles come from, and of nobody's claim.
    const QString footer = sentence(words.phrase(12));
    const QString signup = words.rare() + u' ' + words.rare() + u' ' + words.function() + u' ' + words.rare();

    QList<std::pair<QString, QString>> figuresSeen; // (value as written, kind) for distractors
    qint64 nextId = 1;
    for (int s = 0; s < shape.stories; ++s) {
        const QString story = QStringLiteral("s%1").arg(s);
        const QStringList subject = {words.rare(), words.rare(), words.rare(), words.rare()};
        const int n = shape.articlesPerStory;
        QList<Draft> drafts(n + 1);
        // Background prose, leaving room for what is planted.
        for (int a = 0; a <= n; ++a) {
            Draft &d = drafts[a];
            int bytes = 0;
            while (bytes < shape.articleBytes) {
                QStringList p;
                const int sentences = random.between(2, 5);
                for (int k = 0; k < sentences; ++k)
                    p << sentence(words.phrase(random.between(8, 22),
                                               a < n && random.chance(0.3) ? QStringList{subject.at(random.below(4))}
                                                                           : QStringList{}));
                d.paragraphs << p.join(u' ');
                bytes += int(d.paragraphs.back().size()) + 1;
            }
        }
        auto inSome = [&](int minimum) {
            QList<int> chosen;
            for (int a = 0; a < n; ++a) {
                if (random.chance(0.7))
                    chosen << a;
            }
            for (int a = 0; chosen.size() < minimum && a < n; ++a) {
                if (!chosen.contains(a))
                    chosen << a;
            }
            return chosen;
        };
        auto at = [&](Draft &d) { return random.below(int(d.paragraphs.size())); };

        // A quotation, in different marks.
        const QString quote = sentence(words.phrase(random.between(7, 13), {words.rare(), words.rare()}));
        const QString speaker = subject.at(0);
        const QList<std::pair<QString, QString>> marks = {{QStringLiteral("\u201C"), QStringLiteral("\u201D")},
                                                          {QStringLiteral("\""), QStringLiteral("\"")},
                                                          {QStringLiteral("\u00AB"), QStringLiteral("\u00BB")},
                                                          {QStringLiteral("\u201C"), QStringLiteral("\"")}};
        for (int a : inSome(2)) {
            const auto &[open, close] = marks.at(random.below(int(marks.size())));
            QString q = quote;
            if (random.chance(0.3))
                q.replace(q.indexOf(u' '), 1, QChar(0x00A0)); // one outlet's no-break space
            drafts[a].plant(at(drafts[a]),
                            sentence(words.phrase(5, {speaker})).chopped(1) + QStringLiteral(": ") + open, q, close,
                            story + QStringLiteral("-quote"), QStringLiteral("quote"));
        }
        // A short quotation, too short to be a shared sentence.
        const QString shortQuote = words.rare() + u' ' + words.rare();
        for (int a : inSome(2)) {
            drafts[a].plant(at(drafts[a]), sentence(words.phrase(6, {speaker})).chopped(1) + QStringLiteral(" \u201C"),
                            shortQuote, QStringLiteral(".\u201D"), story + QStringLiteral("-shortquote"),
                            QStringLiteral("quote"));
        }

        // A figure in several forms, in clauses sharing some of the story's words.
        const int thousands = random.between(11, 899);
        const QString digits = QString::number(thousands);
        const QString grouped = digits + QStringLiteral(",000");
        const QStringList money = {u'$' + grouped, grouped + QStringLiteral(" dollars"), u'$' + digits + u'k',
                                   u'$' + digits + QStringLiteral(" thousand")};
        const QStringList figureContext = {subject.at(1), words.rare(), words.rare()};
        for (int a : inSome(2)) {
            QStringList before = words.phrase(random.between(4, 7), {figureContext.at(0), figureContext.at(1)});
            QStringList after = words.phrase(random.between(3, 6), {figureContext.at(2)});
            const QString clause
                = before.join(u' ') + u' ' + money.at(random.below(int(money.size()))) + u' ' + after.join(u' ');
            drafts[a].plant(at(drafts[a]), QString(), sentence(clause.split(u' ')), QString(),
                            story + QStringLiteral("-figure"), QStringLiteral("figure"));
            figuresSeen.append({money.first(), QStringLiteral("money")});
        }
        const QString percent = QStringLiteral("%1.%2").arg(random.between(2, 80)).arg(random.between(1, 9));
        const QStringList percents
            = {percent + u'%', percent + QStringLiteral(" percent"), percent + QStringLiteral(" per cent")};
        const QStringList percentContext = {subject.at(2), words.rare(), words.rare()};
        for (int a : inSome(2)) {
            const QString clause = words.phrase(5, {percentContext.at(0), percentContext.at(1)}).join(u' ') + u' '
                + percents.at(random.below(int(percents.size()))) + u' '
                + words.phrase(4, {percentContext.at(2)}).join(u' ');
            drafts[a].plant(at(drafts[a]), QString(), sentence(clause.split(u' ')), QString(),
                            story + QStringLiteral("-percent"), QStringLiteral("figure"));
            figuresSeen.append({percents.first(), QStringLiteral("percent")});
        }

        // A date in several forms.
        const int month = random.below(12);
        const int day = random.between(1, 28);
        const QString m = QLatin1String(Months[month]);
        const QString suffix = day == 1 || day == 21 ? QStringLiteral("st")
            : day == 2 || day == 22                  ? QStringLiteral("nd")
            : day == 3 || day == 23                  ? QStringLiteral("rd")
                                                     : QStringLiteral("th");
        const QStringList dates
            = {QStringLiteral("%1 %2, 2023").arg(m).arg(day), QStringLiteral("%1%2 %3").arg(day).arg(suffix, m),
               QStringLiteral("%1 %2").arg(m).arg(day), QStringLiteral("%1 %2 2023").arg(day).arg(m)};
        const QStringList dateContext = {subject.at(3), words.rare(), words.rare()};
        for (int a : inSome(2)) {
            const QString clause = QStringLiteral("on ") + dates.at(random.below(int(dates.size()))) + u' '
                + words.phrase(random.between(6, 9), dateContext).join(u' ');
            drafts[a].plant(at(drafts[a]), QString(), sentence(clause.split(u' ')), QString(),
                            story + QStringLiteral("-date"), QStringLiteral("date"));
        }

        // A sentence with small edits in each outlet.
        const QStringList base = words.phrase(random.between(12, 18), {words.rare(), words.rare(), words.rare()});
        for (int a : inSome(2)) {
            // Edits every few words, as copy editors make them: function words put in, taken out
            // or swapped, and now and then a word changed, so that no long run stays verbatim.
            QStringList edited = base;
            for (int where = edited.size() - 3; where > 0; where -= random.between(3, 4)) {
                const int edit = random.below(3);
                if (edit == 0)
                    edited.insert(where, words.function());
                else if (edit == 1 && Words::isFunction(edited.at(where)))
                    edited.removeAt(where);
                else if (Words::isFunction(edited.at(where)))
                    edited[where] = words.function();
                else
                    edited.insert(where, words.function());
            }
            if (random.chance(0.5)) {
                const int where = random.between(1, int(edited.size()) - 2);
                edited[where] = words.word();
            }
            drafts[a].plant(at(drafts[a]), QString(), sentence(edited), QString(), story + QStringLiteral("-sentence"),
                            QStringLiteral("sentence"));
        }

        // Distractors: earlier stories' figures in clauses that have nothing to do with them.
        if (shape.distractors) {
            for (int k = 0; k < 2 && !figuresSeen.isEmpty(); ++k) {
                const auto &[value, kind] = figuresSeen.at(random.below(int(figuresSeen.size())));
                Draft &d = drafts[random.below(n + 1)];
                d.plant(at(d), sentence(words.phrase(6) + QStringList{value} + words.phrase(5)), QString(), QString(),
                        QString(), QString());
            }
        }

        for (int a = 0; a <= n; ++a) {
            Draft &d = drafts[a];
            if (shape.furniture && random.chance(0.8)) {
                d.paragraphs.insert(1, signup);
                for (Draft::Plant &p : d.plants)
                    p.paragraph += p.paragraph >= 1 ? 1 : 0;
                d.paragraphs << footer;
            }
            // Bodies as the importer makes them: paragraphs separated by one line break.
            QList<int> starts;
            QString body;
            for (const QString &p : std::as_const(d.paragraphs)) {
                if (!body.isEmpty())
                    body += u'\n';
                starts << int(body.size());
                body += p;
            }
            const qint64 id = nextId++;
            for (const Draft::Plant &p : std::as_const(d.plants)) {
                const int start = starts.at(p.paragraph) + p.offset;
                corpus.key.append({p.claim, p.kind, {id, start, start + p.length}});
            }
            corpus.bytes += body.toUtf8().size();
            corpus.documents.append({id, body, QString()});
        }
    }
    return corpus;
}

} // namespace Synthetic
