#include "pairscore.h"

namespace Detect {

namespace {

bool overlaps(const Passage &a, const Passage &b)
{
    return a.articleId == b.articleId && a.start < b.end && b.start < a.end;
}

// The claims whose key passages p overlaps.
QStringList claimsAt(const Passage &p, const QList<KeyPassage> &key)
{
    QStringList claims;
    for (const KeyPassage &k : key) {
        if (overlaps(p, k.passage) && !claims.contains(k.claim))
            claims << k.claim;
    }
    return claims;
}

} // namespace

PairScore scorePairs(const QList<Suggestion> &suggestions, const QList<KeyPassage> &key)
{
    PairScore score;
    struct Pair {
        Passage a;
        Passage b;
    };
    QList<Pair> predicted;
    for (const Suggestion &s : suggestions) {
        PairCounts &kind = score.byKind[kindKey(s.kind)];
        for (qsizetype i = 0; i < s.passages.size(); ++i) {
            for (qsizetype j = i + 1; j < s.passages.size(); ++j) {
                const Passage &a = s.passages.at(i);
                const Passage &b = s.passages.at(j);
                if (a.articleId == b.articleId)
                    continue;
                predicted.append({a, b});
                const QStringList ca = claimsAt(a, key);
                const QStringList cb = claimsAt(b, key);
                bool correct = false;
                for (const QString &c : ca)
                    correct = correct || cb.contains(c);
                ++score.all.predicted;
                ++kind.predicted;
                if (correct) {
                    ++score.all.correct;
                    ++kind.correct;
                } else {
                    score.wrong.append({a, b});
                }
            }
        }
    }
    for (qsizetype i = 0; i < key.size(); ++i) {
        for (qsizetype j = i + 1; j < key.size(); ++j) {
            const KeyPassage &x = key.at(i);
            const KeyPassage &y = key.at(j);
            if (x.claim != y.claim || x.passage.articleId == y.passage.articleId)
                continue;
            bool found = false;
            for (const Pair &p : std::as_const(predicted)) {
                if ((overlaps(p.a, x.passage) && overlaps(p.b, y.passage))
                    || (overlaps(p.a, y.passage) && overlaps(p.b, x.passage))) {
                    found = true;
                    break;
                }
            }
            ++score.all.keyPairs;
            score.all.found += found ? 1 : 0;
            if (!x.kind.isEmpty()) {
                PairCounts &kind = score.byKind[x.kind];
                ++kind.keyPairs;
                kind.found += found ? 1 : 0;
            }
            if (!found)
                score.missed.append({x, y});
        }
    }
    return score;
}

} // namespace Detect
