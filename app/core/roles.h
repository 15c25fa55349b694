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
};
} // namespace Roles
