#pragma once

#include "detect/engine.h"
#include "detect/pairscore.h"

#include <QList>

// Seeded synthetic stories for detection tests and the benchmark: articles of made-up words
// (with real English function words between them) into which shared claims are planted at known
// places, and distractors that must not become suggestions.
//
// Planted in the articles of one story, each with its exact span in the key:
// - quote: a quoted sentence, with straight, typographic, guillemet or NBSP variants, and a
//   short quote of two or three words;
// - figure: one amount or percentage written differently ("$42,000", "42,000 dollars", "$42k";
//   "12.5%", "12.5 percent"), in a clause that shares some words;
// - date: "April 25, 2023", "25th April", "April 25", "25 April 2023", likewise;
// - sentence: one sentence with small edits (a word dropped, inserted or replaced).
// Distractors (never in the key): the same figures in unrelated clauses of other stories, a
// site's furniture paragraphs in most articles, and one unrelated article per story.
namespace Synthetic {

struct Corpus {
    QList<Detect::Document> documents;
    QList<Detect::KeyPassage> key; // claims named "s<story>-<kind>"
    qint64 bytes = 0; // UTF-8 size of all texts
};

struct Shape {
    int stories = 6;
    int articlesPerStory = 5; // plus one unrelated article each
    int articleBytes = 2500; // roughly
    quint64 seed = 1;
    bool furniture = true;
    bool distractors = true;
};

Corpus generate(const Shape &shape);

} // namespace Synthetic
