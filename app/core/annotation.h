#pragma once

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// How an article words a claim it reports.
enum class Wording { Verbatim, Paraphrase, Attributed, Hedged, Stated };

QString wordingKey(Wording w); // "verbatim", ... as stored and exported
QString wordingLabel(Wording w); // "verbatim quote", ... as shown
Wording wordingFromKey(const QString &key, bool *ok = nullptr);
QList<Wording> allWordings();

// A passage of an article, anchored by offsets (UTF-16 code units into the article body) and by
// its exact quote with some text before and after, so that it can be re-found if the text shifts.
struct Highlight {
    qint64 id = 0;
    qint64 articleId = 0;
    int start = 0;
    int end = 0;
    QString quote;
    QString prefix;
    QString suffix;
    QString note;
    bool orphaned = false; // its quote could not be found in the article any more
    QDateTime created;
    QDateTime modified;
    bool operator==(const Highlight &) const = default;
};

// Characters of context kept on each side of a highlight's quote.
inline constexpr int AnchorContext = 32;

struct Tag {
    qint64 id = 0;
    QString name;
    QColor colour;
    bool isStatus = false; // one of the built-in claim statuses
    bool operator==(const Tag &) const = default;
};

// Built-in status tags, created with every workspace.
namespace Status {
inline constexpr qint64 Unsupported = 1;
inline constexpr qint64 Supported = 2;
inline constexpr qint64 Disputed = 3;
inline constexpr qint64 NeedsCheck = 4;
} // namespace Status

struct Claim {
    qint64 id = 0;
    QString title;
    QString note;
    qint64 statusTag = 0; // 0: no status
    QDateTime created;
    QDateTime modified;
    bool operator==(const Claim &) const = default;
};

struct Appearance {
    qint64 highlightId = 0;
    qint64 claimId = 0;
    Wording wording = Wording::Stated;
    bool operator==(const Appearance &) const = default;
};

struct Evidence {
    qint64 id = 0;
    qint64 claimId = 0;
    QString url;
    QString note;
    QDateTime created;
    bool operator==(const Evidence &) const = default;
};

// Everything that belongs to one claim, to take it away and put it back (undo).
struct ClaimSnapshot {
    Claim claim;
    QList<Appearance> appearances;
    QList<qint64> tags;
    QList<Evidence> evidence;
};

// A highlight with its links, to take it away and put it back (undo).
struct HighlightSnapshot {
    Highlight highlight;
    QList<Appearance> appearances;
};

// The colour of a highlight whose claims have no status or tag colour (or that has no claim).
inline const QColor UnlinkedHighlightColour{0xf2, 0xc9, 0x4c};

// The colour a claim's highlights take: its status, else its first tag with a colour; invalid
// when it has neither (the highlight then uses the plain highlight colour).
QColor claimColour(const Claim &claim, const QList<qint64> &tagIds, const QList<Tag> &tags);

Q_DECLARE_METATYPE(Highlight)
Q_DECLARE_METATYPE(Claim)
