#pragma once

#include <QString>
#include <QStringList>

// The article in a web page saved from a browser: its metadata and its body paragraphs, without
// navigation, scripts, styles, comment forms, share bars and ads.
struct HtmlArticle {
    QString headline; // h1 in the article, else og:title, else <title>
    QString outlet; // og:site_name, JSON-LD publisher
    QString author;
    QString published; // article:published_time, JSON-LD datePublished, <time datetime>
    QString url; // canonical link or og:url
    QStringList paragraphs; // whitespace collapsed, non-empty
};

// Parses html with a real HTML5 parser (gumbo). Never touches the network.
HtmlArticle extractHtmlArticle(const QString &html);
