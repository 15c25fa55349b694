#pragma once

#include <Qt>

// Item data roles of Parallax's models, declared once. Views and delegates ask for these.
namespace Roles {
enum : int {
    ArticleIdRole = Qt::UserRole + 1,
    HeadlineRole,
    OutletRole,
    AuthorRole,
    PublishedRole, // QString, ISO 8601 as the source gave it
    UrlRole,
    SourceNameRole,
    ShownRole, // bool: shown in a reading pane (also exposed as Qt::CheckStateRole)
    MatchCountRole, // int: search matches in an article
    MatchStartRole, // int: where a search match starts in the article body (UTF-16 offset); an
                    // article row gives its first match
    MatchEndRole, // int: where it ends, exclusive
    SnippetMatchStartRole, // int: where the match starts within the row's display text
    SnippetMatchEndRole, // int: where it ends there, exclusive
};

// Claims, appearances and coverage.
enum : int {
    ClaimIdRole = Qt::UserRole + 100,
    HighlightIdRole, // an appearance row's highlight
    StatusTagRole, // qint64, 0 for none
    StatusNameRole,
    ColourRole, // QColor of the claim's status or first tag; invalid when it has neither
    TagNamesRole, // QStringList
    NoteRole,
    QuoteRole,
    StartRole, // int, UTF-16 offset into the article body
    EndRole,
    WordingRole, // int (Wording)
    OrphanedRole, // bool: the passage could not be found in the text any more
    ReportCountRole, // int: articles reporting the claim
    IsClaimRole, // bool: a claim row rather than an appearance row
};
} // namespace Roles
