#pragma once

#include "suggestion.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

// Finds suggestions: groups of passages in different articles that report the same claim (the
// same quote, figure or date, or a near-identical sentence). See docs/detection.md for how.
//
// The engine is plain C++ over Qt Core: no Widgets, no database, no signals. One engine is used
// from one thread at a time, which need not be the thread that made it; a window keeps it on a
// worker (QtConcurrent::run) and passes a cancel flag and a progress callback in Control.
namespace Detect {

// One article as detection sees it. Offsets in the suggestions index text.
struct Document {
    qint64 id = 0;
    QString text; // the article body as stored (headline not included)
    // Where it was published (outlet or site), empty when unknown. A paragraph shared by two
    // articles of one source is taken for site furniture.
    QString source;
};

// How a long call is watched and stopped.
struct Control {
    const std::atomic<bool> *cancel = nullptr; // set it to true from any thread to stop soon
    // Called on the running thread now and then with work done out of total.
    std::function<void(int done, int total)> progress;
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// What can be tuned. The defaults are what the quality tests measure; tests switch stages off
// to prove that the measurements notice.
struct Options {
    int shingleWords = 4; // words per fingerprinted shingle
    int window = 3; // winnowing window: every shared run of shingleWords + window - 1 words is seen
    int minMatchWords = 6; // shortest verbatim run taken without quote marks
    int minMatchContentWords = 3; // of which not function words
    double sentenceSimilarity = 0.6; // cosine of TF-IDF word vectors for near-identical sentences
    bool values = true; // figures and dates reduced to values (false: compared as written)
};

class Engine
{
public:
    explicit Engine(const Options &options = {});
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    // Indexes articles: tokenising, fingerprinting and figures are done here, once per article,
    // so that adding a few articles to many costs only the new ones. Articles whose id is already
    // indexed are skipped. Returns false when cancelled; the index is then as it was.
    bool add(const QList<Document> &documents, const Control &control = {});

    int size() const;
    bool contains(qint64 id) const;
    QString text(qint64 id) const;

    // Compares everything indexed and returns the suggestions, surest first; std::nullopt when
    // cancelled. Can be called again after add() with more articles.
    std::optional<QList<Suggestion>> detect(const Control &control = {}) const;

private:
    struct Index;
    std::unique_ptr<Index> d;
};

} // namespace Detect
