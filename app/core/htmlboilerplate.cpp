#include "htmlboilerplate.h"

#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <initializer_list>

namespace HtmlBoilerplate {

namespace {

QSet<QString> latin1Set(std::initializer_list<const char *> words)
{
    QSet<QString> set;
    for (const char *w : words)
        set.insert(QLatin1String(w));
    return set;
}

QSet<QByteArray> byteSet(std::initializer_list<const char *> words)
{
    QSet<QByteArray> set;
    for (const char *w : words)
        set.insert(QByteArray(w));
    return set;
}

// Calls visit(token) for each whitespace-separated token of an attribute value such as class,
// rel or role, until it returns true.
template<typename Visit> bool anyToken(const char *value, Visit visit)
{
    for (const char *p = value; p && *p;) {
        while (*p && isHtmlSpace(*p))
            ++p;
        const char *start = p;
        while (*p && !isHtmlSpace(*p))
            ++p;
        if (p != start && visit(QByteArrayView(start, p - start)))
            return true;
    }
    return false;
}

bool isNeverText(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DIALOG:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
        return true;
    default:
        return false;
    }
}

// Parts of class and id names (split on '-', '_', other punctuation and camelCase) that mark
// something which is not the article.
const QSet<QByteArray> &foreignParts()
{
    static const QSet<QByteArray> words = byteSet({
        "comment",   "comments",     "disqus",        "respond",     "replies",     "share",          "sharing",
        "sharebar",  "social",       "related",       "recommend",   "recommended", "recommendation", "recommendations",
        "trending",  "outbrain",     "taboola",       "ad",          "ads",         "adslot",         "adunit",
        "advert",    "adverts",      "advertisement", "advertising", "dfp",         "sponsor",        "sponsors",
        "sponsored", "promo",        "promos",        "promoted",    "promotion",   "newsletter",     "newsletters",
        "subscribe", "subscription", "signup",        "sidebar",     "cookie",      "cookies",        "consent",
        "gdpr",      "popup",        "modal",         "overlay",     "lightbox",    "breadcrumb",     "breadcrumbs",
        "menu",      "nav",          "navbar",        "navigation",  "footer",      "toolbar",        "tags",
        "banner",    "readmore",     "skiplink",
    });
    return words;
}

// Two consecutive parts with that meaning: "read-more", "also_read", "authorBio".
const QSet<QByteArray> &foreignPhrases()
{
    static const QSet<QByteArray> phrases = byteSet({
        "read-more",
        "read-also",
        "also-read",
        "see-also",
        "more-stories",
        "more-articles",
        "most-read",
        "most-popular",
        "author-bio",
        "about-author",
        "sign-up",
        "opt-in",
        "skip-link",
        "tag-list",
    });
    return phrases;
}

const QSet<QByteArray> &furnitureParts()
{
    static const QSet<QByteArray> words = byteSet({
        "byline",
        "author",
        "authors",
        "dateline",
        "timestamp",
        "date",
        "meta",
        "caption",
        "credit",
        "credits",
    });
    return words;
}

// Whole class tokens that hide an element (never parts: "hidden-xs" is shown on large screens).
const QSet<QByteArray> &hidingTokens()
{
    static const QSet<QByteArray> tokens = byteSet({
        "hidden",
        "hide",
        "invisible",
        "d-none",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "offscreen",
    });
    return tokens;
}

bool isAsciiLower(char c)
{
    return c >= 'a' && c <= 'z';
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool inSet(const QSet<QByteArray> &set, QByteArrayView word)
{
    return set.contains(QByteArray::fromRawData(word.data(), word.size()));
}

// Calls visit(token, parts) for each whitespace-separated token of a class or id value until it
// returns true: the token lower-cased, and its parts split on punctuation and camelCase
// ("relatedArticles ad_slot" → "related" "articles", then "ad" "slot"). Classes are read for
// every element of the page, so ordinary names cost no allocation.
template<typename Visit> bool anyNameToken(const char *value, Visit visit)
{
    QVarLengthArray<char, 128> lower;
    QVarLengthArray<QByteArrayView, 16> parts;
    for (const char *p = value; p && *p;) {
        while (*p && isHtmlSpace(*p))
            ++p;
        const char *token = p;
        lower.clear();
        while (*p && !isHtmlSpace(*p)) {
            lower.append(*p >= 'A' && *p <= 'Z' ? char(*p - 'A' + 'a') : *p);
            ++p;
        }
        if (lower.isEmpty())
            break;
        parts.clear();
        qsizetype partStart = -1;
        for (qsizetype i = 0; i <= lower.size(); ++i) {
            const bool alnum = i < lower.size() && (isAsciiLower(lower[i]) || isAsciiDigit(lower[i]));
            const bool camelHump
                = alnum && i > 0 && token[i] != lower[i] && (isAsciiLower(token[i - 1]) || isAsciiDigit(token[i - 1]));
            if (partStart >= 0 && (!alnum || camelHump)) {
                parts.append(QByteArrayView(lower.data() + partStart, i - partStart));
                partStart = -1;
            }
            if (alnum && partStart < 0)
                partStart = i;
        }
        if (visit(QByteArrayView(lower.data(), lower.size()), parts))
            return true;
    }
    return false;
}

Role roleOfNames(const char *value)
{
    Role role = Role::Content;
    QVarLengthArray<char, 64> phrase;
    const bool foreign = anyNameToken(value, [&](QByteArrayView token, const auto &parts) {
        if (inSet(hidingTokens(), token))
            return true;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QByteArrayView part = parts[i];
            if (inSet(foreignParts(), part))
                return true;
            if (i > 0) {
                phrase.clear();
                phrase.append(parts[i - 1].data(), parts[i - 1].size());
                phrase.append('-');
                phrase.append(part.data(), part.size());
                if (inSet(foreignPhrases(), QByteArrayView(phrase.data(), phrase.size())))
                    return true;
            }
            if (inSet(furnitureParts(), part))
                role = Role::Furniture;
            else if (role == Role::Content && (part == "header" || part == "masthead"))
                role = Role::PageHeader;
        }
        return false;
    });
    return foreign ? Role::Foreign : role;
}

// Custom elements (<amp-ad>, <gu-island>) are GUMBO_TAG_UNKNOWN; their name is in the source.
QByteArray unknownTagName(const GumboNode *n)
{
    GumboStringPiece piece = n->v.element.original_tag;
    if (piece.length == 0)
        return {};
    gumbo_tag_from_original_text(&piece);
    return QByteArray(piece.data, qsizetype(piece.length)).toLower();
}

} // namespace

Role roleOf(const GumboNode *n, const Attributes &attributes)
{
    const GumboTag tag = n->v.element.tag;
    // The page wrappers carry state classes ("has-sidebar", "nav-open") that say nothing
    // about their content.
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY)
        return Role::Content;
    if (isNeverText(tag) || n->v.element.tag_namespace == GUMBO_NAMESPACE_SVG)
        return Role::Foreign;
    if (attributes.hidden || attributes.ariaHidden)
        return Role::Foreign;
    if (attributes.style) {
        QByteArray css = QByteArray(attributes.style).toLower();
        css.replace(' ', QByteArray());
        if (css.contains("display:none") || css.contains("visibility:hidden"))
            return Role::Foreign;
    }
    static const QSet<QByteArray> foreignRoles = byteSet({
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "toolbar",
    });
    if (anyToken(attributes.role, [](QByteArrayView r) { return inSet(foreignRoles, r.toByteArray().toLower()); }))
        return Role::Foreign;
    Role role = tag == GUMBO_TAG_HEADER ? Role::PageHeader : Role::Content;
    if (tag == GUMBO_TAG_UNKNOWN) {
        const QByteArray name = unknownTagName(n);
        const Role named = roleOfNames(name.constData());
        if (named == Role::Foreign)
            return named;
    }
    for (const char *names : {attributes.classes, attributes.id}) {
        const Role named = roleOfNames(names);
        if (named == Role::Foreign)
            return named;
        if (named == Role::Furniture || (named == Role::PageHeader && role == Role::Content))
            role = named;
    }
    return role;
}

Attributes::Attributes(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboVector &attributes = n->v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
        const auto *a = static_cast<const GumboAttribute *>(attributes.data[i]);
        // The tokenizer lower-cases HTML attribute names.
        const QByteArrayView name(a->name);
        if (name == "class")
            classes = a->value;
        else if (name == "id")
            id = a->value;
        else if (name == "style")
            style = a->value;
        else if (name == "role")
            role = a->value;
        else if (name == "itemprop")
            itemprop = a->value;
        else if (name == "rel")
            rel = a->value;
        else if (name == "hidden")
            hidden = true;
        else if (name == "aria-hidden")
            ariaHidden = qstricmp(a->value, "true") == 0;
    }
}

bool hasToken(const char *value, const char *token)
{
    return anyToken(value, [&](QByteArrayView t) { return t.compare(token, Qt::CaseInsensitive) == 0; });
}

bool hasNamePart(const char *value, QByteArrayView part)
{
    return anyNameToken(value, [&](QByteArrayView, const auto &parts) {
        return std::any_of(parts.cbegin(), parts.cend(), [&](QByteArrayView p) { return p == part; });
    });
}

// Short lines that sites put between paragraphs; compared after lower-casing and turning
// punctuation into spaces ("- Advertisement -" → "advertisement").
bool isFurnitureLine(const QString &text)
{
    constexpr qsizetype MaxFurnitureLength = 100;
    if (text.size() > MaxFurnitureLength)
        return false;
    QString normal;
    for (QChar c : text)
        normal.append(c.isLetterOrNumber() ? c.toLower() : QLatin1Char(' '));
    normal = normal.simplified();
    static const QSet<QString> lines = latin1Set({
        "advertisement",
        "advertisements",
        "advert",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "paid content",
        "promoted",
        "promoted content",
        "story continues below",
        "article continues below",
        "story continues below advertisement",
        "continue reading",
        "continue reading below",
        "scroll to continue",
        "scroll to continue with content",
        "advertisement scroll to continue with content",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share this post",
        "share article",
        "share story",
        "tweet",
        "email",
        "print",
        "copy link",
        "link copied",
        "comments",
        "comment",
        "view comments",
        "show comments",
        "leave a comment",
        "leave a reply",
        "post a comment",
        "add a comment",
        "cancel reply",
        "please enter your comment",
        "please enter your name here",
        "you have entered an incorrect email address please enter your email address here",
        "read more",
        "read also",
        "also read",
        "see also",
        "related",
        "related articles",
        "related stories",
        "related content",
        "recommended",
        "recommended for you",
        "you might also like",
        "you may also like",
        "more stories",
        "most read",
        "most popular",
        "trending",
        "trending now",
        "subscribe",
        "subscribe now",
        "sign up",
        "sign in",
        "log in",
        "register",
        "follow us",
        "skip to content",
        "skip to main content",
        "back to top",
        "loading",
        "listen to this article",
        "save",
        "save article",
        "gift this article",
    });
    if (lines.contains(normal))
        return true;
    static const QStringList prefixes{
        QStringLiteral("share on "),        QStringLiteral("share via "),        QStringLiteral("follow us on "),
        QStringLiteral("sign up for our "), QStringLiteral("subscribe to our "), QStringLiteral("click here to "),
    };
    for (const QString &prefix : prefixes) {
        if (normal.startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace HtmlBoilerplate
