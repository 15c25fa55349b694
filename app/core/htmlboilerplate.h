#pragma once

#include <QByteArrayView>
#include <QString>

#include <gumbo.h>

// What in a page saved from a browser is not the article: how an element is classified from its
// tag and attributes (scripts, navigation, ads, comments, bylines) and which short lines are site
// furniture. Part of the HTML article extractor; gumbo types appear here, so only core sources
// include it.
namespace HtmlBoilerplate {

enum class Role : quint8 {
    Content,
    Furniture, // belongs to the article but is not its text: byline, dateline, tags, captions
    PageHeader, // a header: the page's own when outside any article, the article's inside one
    Foreign, // never article text: scripts, navigation, ads, comments, related links, forms
};

// HTML's own whitespace. U+00A0 is not in it: a no-break space is part of the text.
inline bool isHtmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// The attributes the extractor reads, found in one pass over an element's attributes.
struct Attributes {
    explicit Attributes(const GumboNode *n);
    const char *classes = nullptr, *id = nullptr, *style = nullptr, *role = nullptr, *itemprop = nullptr,
               *rel = nullptr;
    bool hidden = false, ariaHidden = false;
};

// What an element is from its own tag and attributes; where it sits (inside an article or not)
// is the caller's to weigh. <html> and <body> are always Content.
Role roleOf(const GumboNode *element, const Attributes &attributes);

// Whether a whitespace-separated value (rel, role, itemprop) holds token, ignoring case.
bool hasToken(const char *value, const char *token);

// Whether a class or id value holds part as one of its words, split on punctuation and camelCase
// ("byline__author", "postAuthor" both hold "author").
bool hasNamePart(const char *value, QByteArrayView part);

// Short lines that sites put between paragraphs: "Advertisement", "- Advertisement -",
// "Share this article", "Please enter your comment!".
bool isFurnitureLine(const QString &text);

} // namespace HtmlBoilerplate
