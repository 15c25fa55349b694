#pragma once

#include <QString>
#include <QStringList>

// The article in a web page saved from a browser: its metadata and its body paragraphs, without
// navigation, scripts, styles, comment forms, share bars and ads.
struct HtmlArticle {
    QString headline; // h1 in the article, else og:title, else <title> (less a " | Outlet" suffix)
    QString outlet; // og:site_name, else JSON-LD publisher, else application-name
    QString author; // meta author, article:author, JSON-LD author(s) joined by ", ", else a byline
    QString published; // article:published_time, JSON-LD datePublished, <time datetime>, meta date
    QString url; // canonical link or og:url
    // One per block, HTML whitespace collapsed (no-break spaces kept), non-empty; list items
    // start with "• ".
    QStringList paragraphs;
};

// Parses html with a real HTML5 parser (gumbo). Never touches the network. Any input is safe:
// empty, broken, megabytes on one line, or nested however deep (nothing recurses, so a small
// thread stack is enough; gumbo's own time grows with the square of the depth, ~2 s at 30,000).
HtmlArticle extractHtmlArticle(const QString &html);
