#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

#include <optional>

namespace Detect {

// What makes the passages of a suggestion the same claim.
enum class Kind {
    Quote, // the same words, inside quote marks in at least one article
    Figure, // the same amount, percentage or count, in clauses that say the same thing
    Date, // the same calendar date, in clauses that say the same thing
    Sentence, // the same or a near-identical sentence, not quoted
};

QString kindKey(Kind kind); // "quote", "figure", "date", "sentence": as printed and stored
bool kindFromKey(const QString &key, Kind *kind);

// A span of an article body: [start, end) in UTF-16 code units, as Highlight offsets are.
struct Passage {
    qint64 articleId = 0;
    int start = 0;
    int end = 0;
    bool operator==(const Passage &) const = default;
};

// A group of passages, in at least two different articles, that the detector believes report
// one claim. Passages are ordered by article (in the order articles were added) and offset.
struct Suggestion {
    Kind kind = Kind::Sentence;
    double score = 0; // 0..1, higher is surer; comparable within one run
    QString label; // a short title for the group, e.g. the quote or "$42,000: cost as high as …"
    QList<Passage> passages;
    // Identifies the suggestion across runs and restarts (RejectedSuggestions stores it): a digest
    // of the kind and the normalised text of each passage, independent of offsets and article ids.
    QByteArray key;
    // One per passage, in the same order: passageKey() of its text.
    QList<QByteArray> passageKeys;
};

// The text form a passage is compared in when keys are made: NFKC, case-folded, quote marks and
// whitespace runs unified, punctuation at either end dropped.
QString normalisedPassageText(const QString &text);

// The key of a suggestion whose passages read texts (see Suggestion::key).
QByteArray suggestionKey(Kind kind, const QStringList &passageTexts);

// The same two keys from passage texts already through normalisedPassageText.
QByteArray suggestionKeyOfNormalised(Kind kind, QStringList normalisedTexts);
QByteArray passageKeyOfNormalised(Kind kind, const QString &normalisedText);

// The key of one passage: a digest of its normalised text and of what kind of claim it is part
// of (quote and sentence count as one: they differ only by quote marks nearby).
QByteArray passageKey(Kind kind, const QString &text);

// A suggestion without the passages whose keys are in rejectedPassages: unchanged when it has
// none of them; with the others (and a key of its own) when they are still in two articles or
// more; std::nullopt when what is left is no longer a group.
std::optional<Suggestion> withoutPassages(const Suggestion &suggestion, const QSet<QByteArray> &rejectedPassages);

} // namespace Detect

Q_DECLARE_METATYPE(Detect::Suggestion)
