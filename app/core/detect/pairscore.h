#pragma once

#include "suggestion.h"

#include <QList>
#include <QMap>
#include <QString>

// Scores suggestions against an answer key as passage pairs, the measure the quality tests and
// `parallax detect --score` report:
// - a predicted pair is two passages of one suggestion in two different articles; it is correct
//   when both overlap answer-key passages of the same claim;
// - an answer-key pair is two passages of one claim in two different articles; it is found when
//   some predicted pair overlaps both.
// precision = correct predicted pairs / predicted pairs; recall = key pairs found / key pairs.
namespace Detect {

struct KeyPassage {
    QString claim;
    QString kind; // optional: quote, figure, date, sentence (synthetic fixtures know it)
    Passage passage;
};

struct PairCounts {
    int predicted = 0;
    int correct = 0;
    int keyPairs = 0;
    int found = 0;
    double precision() const { return predicted ? double(correct) / predicted : 1.0; }
    double recall() const { return keyPairs ? double(found) / keyPairs : 1.0; }
};

struct PairScore {
    PairCounts all;
    // Precision by the kind of suggestion, recall by the kind of key passage (when the key says).
    QMap<QString, PairCounts> byKind;
    // Answer-key pairs not found, and predicted pairs that are wrong, for a report.
    QList<std::pair<KeyPassage, KeyPassage>> missed;
    QList<std::pair<Passage, Passage>> wrong;
};

PairScore scorePairs(const QList<Suggestion> &suggestions, const QList<KeyPassage> &key);

} // namespace Detect
