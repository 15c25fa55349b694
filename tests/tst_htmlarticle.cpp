#include "htmlarticle.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QThread>

#include <memory>

class TestHtmlArticle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedNewsPage();
    void metadata_data();
    void metadata();
    void paragraphs_data();
    void paragraphs();
    void robustness_data();
    void robustness();
};

// A page saved from a browser with every kind of furniture around one story: the metadata
// must come from the right sources and the body must be exactly the story's paragraphs.
void TestHtmlArticle::savedNewsPage()
{
    QFile file(QStringLiteral(PARALLAX_TEST_DATA "/news-page.html"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const HtmlArticle article = extractHtmlArticle(QString::fromUtf8(file.readAll()));

    // The <h1> in the article wins over og:title and <title>.
    QCOMPARE(article.headline,
             QStringLiteral("Saltmarsh council approves community bonds to rebuild storm-wrecked pier"));
    // og:site_name wins over the JSON-LD publisher ("Northfield Courier Ltd").
    QCOMPARE(article.outlet, QStringLiteral("The Northfield Courier"));
    // meta name=author; article:author is a profile URL and must not be used.
    QCOMPARE(article.author, QStringLiteral("Priya Raman"));
    // article:published_time wins over the JSON-LD and <time> forms ("...Z").
    QCOMPARE(article.published, QStringLiteral("2025-03-14T07:30:00+00:00"));
    // The canonical link wins over og:url with its tracking query.
    QCOMPARE(article.url, QStringLiteral("https://www.northfieldcourier.example/news/2025/03/14/saltmarsh-pier-bonds"));

    const QStringList expected{
        QStringLiteral(
            "Residents will be able to buy \u00a350 bonds to fund the \u00a33.1m repair, the first scheme of its "
            "kind in the county."),
        QStringLiteral(
            "Saltmarsh town council has voted to raise money for the repair of its Victorian pier by selling "
            "bonds to residents, after January\u2019s storm tore away a third of the deck."),
        QStringLiteral(
            "Councillors backed the plan by 14 votes to 3 on Thursday evening. The bonds will pay 4% a year and "
            "can be bought from April in units of \u00a350."),
        QStringLiteral(
            "\u201cWe have waited long enough,\u201d said council leader Tom\u00e1s Ferreira, adding that the first "
            "payment of \u00a32.4\u00a0million would be due to the contractor in May. \u201cPeople here don\u2019t "
            "want to hand the pier to a developer.\u201d"),
        QStringLiteral("How the money will be raised"),
        QStringLiteral("The council\u2019s finance report sets out three sources for the \u00a33.1\u00a0million bill:"),
        QStringLiteral("\u2022 \u00a31.2 million from the community bonds"),
        QStringLiteral("\u2022 \u00a31.4 million from a coastal resilience grant"),
        QStringLiteral("\u2022 \u00a3500,000 from the council\u2019s own reserves"),
        QStringLiteral("Opposition councillor Helen Marsh voted against the scheme. She told the meeting:"),
        QStringLiteral("I love this pier as much as anyone, but we are asking pensioners to lend money for a structure "
                       "that the sea has already beaten twice."),
        QStringLiteral("Public drop-in sessions will be held at the Town Hall on 20 and 21 March."),
        QStringLiteral("Residents can also comment on the plans online until 4 April."),
        QStringLiteral("Work is expected to begin in June and to take about 18 months."),
    };
    if (article.paragraphs != expected) {
        for (const QString &p : article.paragraphs)
            qWarning().noquote() << "got:" << p;
    }
    QCOMPARE(article.paragraphs, expected);
}

void TestHtmlArticle::metadata_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("headline");
    QTest::addColumn<QString>("outlet");
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("published");
    QTest::addColumn<QString>("url");

    const QString body
        = QStringLiteral("<p>The harbour authority said dredging of the channel would take eleven weeks.</p>");

    QTest::newRow("h1-in-article-beats-earlier-h1s")
        << QStringLiteral("<header><h1>Bay Gazette</h1></header><div class=\"edition\"><h1>Weekend edition</h1></div>"
                          "<article><h1>Dredging starts in June</h1>%1</article>")
               .arg(body)
        << QStringLiteral("Dredging starts in June") << QString() << QString() << QString() << QString();
    QTest::newRow("og-title-when-no-h1")
        << QStringLiteral(
               "<head><title>Page | Bay Gazette</title><meta property=\"og:title\" content=\"Dredging starts in "
               "June\"></head><article>%1</article>")
               .arg(body)
        << QStringLiteral("Dredging starts in June") << QString() << QString() << QString() << QString();
    QTest::newRow("title-pipe-outlet-suffix-stripped")
        << QStringLiteral("<head><title>Dredging starts in June | Bay Gazette</title><meta property=\"og:site_name\" "
                          "content=\"Bay Gazette\"></head><article>%1</article>")
               .arg(body)
        << QStringLiteral("Dredging starts in June") << QStringLiteral("Bay Gazette") << QString() << QString()
        << QString();
    QTest::newRow("title-em-dash-suffix-application-name")
        << QStringLiteral(
               "<head><title>Dredging starts in June \u2014 Bay Gazette</title><meta name=\"application-name\" "
               "content=\"Bay Gazette\"></head><article>%1</article>")
               .arg(body)
        << QStringLiteral("Dredging starts in June") << QStringLiteral("Bay Gazette") << QString() << QString()
        << QString();
    QTest::newRow("title-suffix-other-than-outlet-kept")
        << QStringLiteral(
               "<head><title>Dredging - what it means | Harbour Notes</title><meta property=\"og:site_name\" "
               "content=\"Bay Gazette\"></head><article>%1</article>")
               .arg(body)
        << QStringLiteral("Dredging - what it means | Harbour Notes") << QStringLiteral("Bay Gazette") << QString()
        << QString() << QString();
    QTest::newRow("json-ld-graph-with-references")
        << QString::fromUtf8(R"(<head><meta property="article:author" content="https://social.example/ana">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","@id":"https://valley.example/#site","name":"Valley Post website"},
 {"@type":"Organization","@id":"https://valley.example/#org","name":"Valley Post"},
 {"@type":"Person","@id":"https://valley.example/#ana","name":"Ana Ruiz"},
 {"@type":["NewsArticle","Article"],"headline":"ignored","datePublished":"2025-01-09T10:00:00+01:00",
  "publisher":{"@id":"https://valley.example/#org"},
  "author":[{"@id":"https://valley.example/#ana"},{"@type":"Person","name":"Lee Chan"}]}]}</script>
</head><article><h1>Flood wall opens</h1>%1</article>)")
               .arg(body)
        << QStringLiteral("Flood wall opens") << QStringLiteral("Valley Post") << QStringLiteral("Ana Ruiz, Lee Chan")
        << QStringLiteral("2025-01-09T10:00:00+01:00") << QString();
    QTest::newRow("json-ld-array-blog-posting")
        << QString::fromUtf8(R"(<script type="application/ld+json">[{"@type":"BreadcrumbList"},
{"@type":"BlogPosting","author":"Kim Ode","publisher":{"@type":"Organization","name":"Fjord Notes"},
 "datePublished":"2024-12-01"}]</script><article><h1>Ferry timetable</h1>%1</article>)")
               .arg(body)
        << QStringLiteral("Ferry timetable") << QStringLiteral("Fjord Notes") << QStringLiteral("Kim Ode")
        << QStringLiteral("2024-12-01") << QString();
    QTest::newRow("json-ld-wrapped-in-cdata") << QString::fromUtf8(R"(<script type="application/ld+json">//<![CDATA[
{"@type":"ReportageNewsArticle","publisher":{"name":"Isle Times"},"author":[{"name":"R. Quay"},{"name":"T. Dock"}]}
//]]></script><article><h1>Ferry strike</h1>%1</article>)")
                                                     .arg(body)
                                              << QStringLiteral("Ferry strike") << QStringLiteral("Isle Times")
                                              << QStringLiteral("R. Quay, T. Dock") << QString() << QString();
    QTest::newRow("rel-author-and-time-in-article")
        << QString::fromUtf8(R"(<head><meta property="og:url" content="https://gazette.example/a/1"></head>
<div class="comments"><time datetime="2020-01-01">old</time><a rel="author">Commenter</a></div>
<article><h1>Lock gates</h1><p class="byline">By <a rel="author" href="/sam">Sam Okafor</a></p>
<time datetime="2024-11-02T08:00">2 November</time>%1</article>)")
               .arg(body)
        << QStringLiteral("Lock gates") << QString() << QStringLiteral("Sam Okafor")
        << QStringLiteral("2024-11-02T08:00") << QStringLiteral("https://gazette.example/a/1");
    QTest::newRow("article-author-name-and-dc-date")
        << QString::fromUtf8(
               R"(<head><meta property="article:author" content="Jo Bloggs"><meta name="DC.date" content="2023-05-06">
<link rel="canonical" href="https://gazette.example/canonical"></head><article><h1>Quay</h1>%1</article>)")
               .arg(body)
        << QStringLiteral("Quay") << QString() << QStringLiteral("Jo Bloggs") << QStringLiteral("2023-05-06")
        << QStringLiteral("https://gazette.example/canonical");
}

void TestHtmlArticle::metadata()
{
    QFETCH(QString, html);
    const HtmlArticle article = extractHtmlArticle(html);
    QTEST(article.headline, "headline");
    QTEST(article.outlet, "outlet");
    QTEST(article.author, "author");
    QTEST(article.published, "published");
    QTEST(article.url, "url");
    // Every row carries one body paragraph; metadata lookups must not eat it.
    QCOMPARE(
        article.paragraphs,
        QStringList{QStringLiteral("The harbour authority said dredging of the channel would take eleven weeks.")});
}

void TestHtmlArticle::paragraphs_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("no-article-picked-by-score")
        << QString::fromUtf8(R"(<div class="top"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="col-b"><p>Weather: sunny, 18 degrees.</p><p>Tide times: 06:12 and 18:40.</p></div>
<div id="story"><p>The lifeboat station will move to the east quay next spring, the charity said.</p>
<p>Volunteers have raised most of the cost of the new boathouse through local events.</p>
<p>A public meeting about the move will be held at the sailing club.</p></div>)")
        << QStringList{
               QStringLiteral("The lifeboat station will move to the east quay next spring, the charity said."),
               QStringLiteral("Volunteers have raised most of the cost of the new boathouse through local events."),
               QStringLiteral("A public meeting about the move will be held at the sailing club."),
           };
    QTest::newRow("nbsp-curly-quotes-emoji-rtl-combining-kept")
        << QStringLiteral(
               "<article><p>\u201cQuoted,\u201d she said \u2014 \u2018fine\u2019 at 10&nbsp;am and 5\u00a0pm "
               "\U0001F600 \u05e2\u05d1\u05e8\u05d9\u05ea cafe\u0301 &amp; co.</p></article>")
        << QStringList{
               QStringLiteral("\u201cQuoted,\u201d she said \u2014 \u2018fine\u2019 at 10\u00a0am and 5\u00a0pm "
                              "\U0001F600 \u05e2\u05d1\u05e8\u05d9\u05ea cafe\u0301 & co.")};
    QTest::newRow("html-whitespace-collapsed-and-trimmed")
        << QStringLiteral("<article><p>\n\t  Several \r\n spaces\f and\ttabs <b>in</b>  <i>one</i>\n</p></article>")
        << QStringList{QStringLiteral("Several spaces and tabs in one")};
    QTest::newRow("nesting-10000-deep") << QStringLiteral("<body>%1<p>Deep text survives.</p>%2</body>")
                                               .arg(QStringLiteral("<div>").repeated(10000),
                                                    QStringLiteral("</div>").repeated(10000))
                                        << QStringList{QStringLiteral("Deep text survives.")};
    QTest::newRow("br-splits-paragraph") << QStringLiteral(
        "<article><p>First line of the notice.<br>Second line<br/><br>Third line</p></article>")
                                         << QStringList{QStringLiteral("First line of the notice."),
                                                        QStringLiteral("Second line"), QStringLiteral("Third line")};
    QTest::newRow("link-dense-blocks-dropped")
        << QString::fromUtf8(R"(<article><p>The ferry will run twice a day from May, the operator said.</p>
<p>Read also: <a href="/a">Ferry fares to rise by a fifth</a></p>
<ul><li><a href="/b">Harbour master retires</a></li><li><a href="/c">New pontoon</a></li></ul>
<p>Passengers can book on the <a href="/d">operator's website</a> or at the harbour office from Monday.</p></article>)")
        << QStringList{
               QStringLiteral("The ferry will run twice a day from May, the operator said."),
               QStringLiteral("Passengers can book on the operator's website or at the harbour office from Monday."),
           };
    QTest::newRow("div-direct-text-is-a-block")
        << QStringLiteral("<article><div>Loose text before.<p>A paragraph.</p>Loose text after.</div></article>")
        << QStringList{QStringLiteral("Loose text before."), QStringLiteral("A paragraph."),
                       QStringLiteral("Loose text after.")};
    QTest::newRow("furniture-inside-article-dropped-header-kept")
        << QString::fromUtf8(R"(<header class="site-header"><p>The Bay Gazette, since 1881</p></header>
<article><div class="article-header"><h1>Pontoon</h1><p class="standfirst">A new pontoon opens.</p>
<span class="byline">By Ana Ruiz</span><time datetime="2025-02-01">1 February</time></div>
<div class="social-share">Share on Facebook</div><p>Advertisement</p>
<p>The pontoon has room for forty boats, the harbour master said on <time>Monday</time>.</p>
<div class="related-links"><p>Other harbour news from the week in one long line of text.</p></div>
<div id="newsletterSignup"><p>Get our weekly harbour digest in your inbox every Friday.</p></div></article>)")
        << QStringList{
               QStringLiteral("A new pontoon opens."),
               QStringLiteral("The pontoon has room for forty boats, the harbour master said on Monday."),
           };
    QTest::newRow("invisible-and-embedded-elements-dropped") << QString::fromUtf8(
        R"(<article><p>Visible text one.</p><p hidden>Hidden attribute</p><div aria-hidden="true">Aria hidden</div>
<p style="color: red; display : none">Styled away</p><span class="sr-only">Opens in a new window</span>
<template><p>Template text</p></template><noscript><p>Please enable JavaScript.</p></noscript>
<amp-ad width="300"><p>Ad copy in a custom element</p></amp-ad><svg><text>Chart label</text></svg>
<iframe src="https://video.example/embed"></iframe><p>Visible text two.</p></article>)")
                                                             << QStringList{QStringLiteral("Visible text one."),
                                                                            QStringLiteral("Visible text two.")};
    QTest::newRow("boilerplate-looking-ancestors-kept")
        << QString::fromUtf8(R"(<div class="page layout-with-sidebar"><div id="main-content" class="nav-offset">
<article><p>Boat owners will pay a new mooring charge from April.</p></article></div>
<div class="sidebar"><p>Most read this week, a long list of other stories to click.</p></div></div>)")
        << QStringList{QStringLiteral("Boat owners will pay a new mooring charge from April.")};
    QTest::newRow("comment-article-not-chosen")
        << QString::fromUtf8(
               R"(<div class="story-text"><p>The harbour wall repairs will cost less than feared, engineers said.</p>
<p>Work on the wall is due to finish before the winter storms arrive.</p></div>
<section id="comments"><article><p>I walk my dog there every morning and never saw any damage at all.</p></article></section>)")
        << QStringList{
               QStringLiteral("The harbour wall repairs will cost less than feared, engineers said."),
               QStringLiteral("Work on the wall is due to finish before the winter storms arrive."),
           };
}

void TestHtmlArticle::paragraphs()
{
    QFETCH(QString, html);
    QFETCH(QStringList, expected);
    // On a thread with a small stack: walking 10,000 levels by recursion would need several
    // times this much and crash, so the extractor must keep its own stack.
    QStringList paragraphs;
    std::unique_ptr<QThread> thread(QThread::create([&] { paragraphs = extractHtmlArticle(html).paragraphs; }));
    thread->setStackSize(256 * 1024);
    thread->start();
    QVERIFY(thread->wait(QDeadlineTimer(60000)));
    QCOMPARE(paragraphs, expected);
}

void TestHtmlArticle::robustness_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("only-whitespace") << QStringLiteral(" \n\t ") << QStringList();
    QTest::newRow("no-body-text") << QStringLiteral("<html><head><title>T</title><script>var x = 1;</script></head>"
                                                    "<body><nav>Menu</nav></body></html>")
                                  << QStringList();
    QTest::newRow("broken-markup") << QStringLiteral(
        "<p>Unclosed <b>bold <i>and italic</p><div>after </span></td> the break<p>last")
                                   << QStringList{QStringLiteral("Unclosed bold and italic"),
                                                  QStringLiteral("after the break"), QStringLiteral("last")};

    // 5 MB on one line: 33,000 paragraphs of about 160 bytes with no newline anywhere.
    const QString text
        = QStringLiteral("The harbour board met again to discuss the dredging contract and its cost. ").repeated(2);
    const QString paragraph = QStringLiteral("<p>") + text + QStringLiteral("</p>");
    QTest::newRow("5mb-single-line-of-paragraphs") << QStringLiteral("<article>") + paragraph.repeated(33000)
            + QStringLiteral("</article>") << QStringList(33000, text.trimmed());
    // 5 MB in a single text node.
    const QString words = QStringLiteral("tide ").repeated(1000000);
    QTest::newRow("5mb-single-text-run") << QStringLiteral("<p>") + words + QStringLiteral("</p>")
                                         << QStringList{words.trimmed()};
}

// Degenerate input never crashes and stays fast (the 5 MB rows take well under a second).
void TestHtmlArticle::robustness()
{
    QFETCH(QString, html);
    QFETCH(QStringList, expected);
    QElapsedTimer timer;
    timer.start();
    const HtmlArticle article = extractHtmlArticle(html);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    QCOMPARE(article.paragraphs.size(), expected.size());
    QCOMPARE(article.paragraphs, expected);
}

QTEST_GUILESS_MAIN(TestHtmlArticle)
#include "tst_htmlarticle.moc"
