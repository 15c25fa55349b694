// Finding a query in article text as a reader expects: case, whitespace and quote style do not
// matter, and offsets point into the original text.
#include "textsearch.h"

#include <QTest>

using Matches = QList<TextMatch>;
Q_DECLARE_METATYPE(TextMatch)

namespace QTest {
template<> char *toString(const TextMatch &m)
{
    return qstrdup(QByteArray("[" + QByteArray::number(m.start) + ", " + QByteArray::number(m.end) + ")").constData());
}
} // namespace QTest

class TextSearchTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findAll_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::addColumn<Matches>("expected");

        const QString nbsp(QChar(0x00A0));
        QTest::newRow("exact") << QStringLiteral("The bridge closes.") << QStringLiteral("bridge") << Matches{{4, 10}};
        QTest::newRow("query-upper-case")
            << QStringLiteral("The bridge closes.") << QStringLiteral("BRIDGE") << Matches{{4, 10}};
        QTest::newRow("text-mixed-case") << QStringLiteral("The BrIdGe closes.") << QStringLiteral("bridge")
                                         << Matches{{4, 10}};
        QTest::newRow("non-ascii-case") << QStringLiteral("Über Straße") << QStringLiteral("über straße")
                                        << Matches{{0, 11}};
        QTest::newRow("nbsp-in-text") << (QStringLiteral("10") + nbsp + QStringLiteral("million users"))
                                      << QStringLiteral("10 million") << Matches{{0, 10}};
        QTest::newRow("nbsp-in-query") << QStringLiteral("10 million users")
                                       << (QStringLiteral("10") + nbsp + QStringLiteral("million")) << Matches{{0, 10}};
        QTest::newRow("whitespace-run-in-text")
            << QStringLiteral("said \n\t the mayor") << QStringLiteral("said the") << Matches{{0, 11}};
        QTest::newRow("whitespace-run-in-query")
            << QStringLiteral("said the mayor") << QStringLiteral("said   the") << Matches{{0, 8}};
        QTest::newRow("paragraph-break") << QStringLiteral("end of one.\nStart of two.") << QStringLiteral("one. start")
                                         << Matches{{7, 17}};
        QTest::newRow("thin-space") << QStringLiteral("5\u2009000 people") << QStringLiteral("5 000")
                                    << Matches{{0, 5}};
        QTest::newRow("curly-apostrophe-in-text")
            << QStringLiteral("the mayor\u2019s office") << QStringLiteral("mayor's") << Matches{{4, 11}};
        QTest::newRow("straight-in-text-curly-query")
            << QStringLiteral("the mayor's office") << QStringLiteral("mayor\u2019s") << Matches{{4, 11}};
        QTest::newRow("curly-double-quotes") << QStringLiteral("He called it \u201Cillegal\u201D.")
                                             << QStringLiteral("\"illegal\"") << Matches{{13, 22}};
        QTest::newRow("single-quotes") << QStringLiteral("\u2018No comment\u2019") << QStringLiteral("'no comment'")
                                       << Matches{{0, 12}};
        QTest::newRow("several") << QStringLiteral("Musk, Musk and musk") << QStringLiteral("musk")
                                 << Matches{{0, 4}, {6, 10}, {15, 19}};
        QTest::newRow("non-overlapping") << QStringLiteral("aaaa") << QStringLiteral("aa") << Matches{{0, 2}, {2, 4}};
        QTest::newRow("at-start") << QStringLiteral("Twitter sued.") << QStringLiteral("twitter") << Matches{{0, 7}};
        QTest::newRow("at-end") << QStringLiteral("Sued by Twitter") << QStringLiteral("twitter") << Matches{{8, 15}};
        QTest::newRow("whole-text") << QStringLiteral("Twitter") << QStringLiteral("twitter") << Matches{{0, 7}};
        QTest::newRow("emoji-before") << QStringLiteral("\U0001F600\U0001F4F0 Musk said") << QStringLiteral("musk")
                                      << Matches{{5, 9}};
        QTest::newRow("emoji-in-query") << QStringLiteral("a \U0001F600 b") << QStringLiteral("\U0001F600 B")
                                        << Matches{{2, 6}};
        QTest::newRow("whitespace-run-before-match")
            << QStringLiteral("a    \u00A0  Musk") << QStringLiteral("musk") << Matches{{8, 12}};
        QTest::newRow("trailing-space-takes-run")
            << QStringLiteral("said  \n the") << QStringLiteral("said ") << Matches{{0, 8}};
        QTest::newRow("no-match") << QStringLiteral("The bridge closes.") << QStringLiteral("ferry") << Matches{};
        QTest::newRow("longer-than-text") << QStringLiteral("bridge") << QStringLiteral("bridges") << Matches{};
        QTest::newRow("empty-query") << QStringLiteral("The bridge") << QString() << Matches{};
        QTest::newRow("whitespace-query") << QStringLiteral("The bridge") << QStringLiteral("  ") << Matches{};
        QTest::newRow("empty-text") << QString() << QStringLiteral("a") << Matches{};
    }

    void findAll()
    {
        QFETCH(QString, text);
        QFETCH(QString, query);
        QFETCH(Matches, expected);
        const Matches found = TextSearch::findAll(text, query);
        QCOMPARE(found, expected);
    }

    void snippet_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TextMatch>("match");
        QTest::addColumn<QString>("expected"); // the match in [brackets]

        QTest::newRow("short-text-whole")
            << QStringLiteral("The bridge closes.") << TextMatch{4, 10} << QStringLiteral("The [bridge] closes.");
        QTest::newRow("whitespace-collapsed") << QStringLiteral("One.\nThe\u00A0bridge  closes.") << TextMatch{9, 15}
                                              << QStringLiteral("One. The [bridge] closes.");
        QTest::newRow("match-spans-paragraphs") << QStringLiteral("end of one.\nStart of two.") << TextMatch{7, 17}
                                                << QStringLiteral("end of [one. Start] of two.");
        const QString words = QStringLiteral("alpha bravo charlie delta echo foxtrot golf hotel india juliet "
                                             "MATCH kilo lima mike november oscar papa quebec romeo sierra tango");
        const int at = int(words.indexOf(QStringLiteral("MATCH")));
        QTest::newRow("cut-at-words") << words << TextMatch{at, at + 5}
                                      << QStringLiteral("…echo foxtrot golf hotel india juliet [MATCH] kilo "
                                                        "lima mike november oscar papa…");
        const QString longWord
            = QString(60, QLatin1Char('x')) + QStringLiteral("needle") + QString(60, QLatin1Char('y'));
        QTest::newRow("no-word-break") << longWord << TextMatch{60, 66}
                                       << (QStringLiteral("…") + QString(40, QLatin1Char('x'))
                                           + QStringLiteral("[needle]") + QString(40, QLatin1Char('y'))
                                           + QStringLiteral("…"));
        QTest::newRow("at-start") << QStringLiteral("Musk said so.") << TextMatch{0, 4}
                                  << QStringLiteral("[Musk] said so.");
        QTest::newRow("at-end") << QStringLiteral("So said Musk") << TextMatch{8, 12}
                                << QStringLiteral("So said [Musk]");
        QTest::newRow("match-ends-in-whitespace")
            << QStringLiteral("said  \n the") << TextMatch{0, 8} << QStringLiteral("[said ]the");
    }

    void snippet()
    {
        QFETCH(QString, text);
        QFETCH(TextMatch, match);
        QFETCH(QString, expected);
        const TextSnippet s = TextSearch::snippet(text, match);
        QVERIFY2(s.matchStart <= s.matchEnd && s.matchEnd <= s.text.size(), qPrintable(s.text));
        QString marked = s.text;
        marked.insert(s.matchEnd, QLatin1Char(']'));
        marked.insert(s.matchStart, QLatin1Char('['));
        QCOMPARE(marked, expected);
    }

    // The offsets of every match select exactly the original text, whatever its whitespace and quotes.
    void offsetsSelectTheOriginal()
    {
        const QString text
            = QStringLiteral("\U0001F4F0 \u201CWe\u00A0will\n sue,\u201D Musk wrote. \u201Cwe WILL  sue\u201D");
        const Matches found = TextSearch::findAll(text, QStringLiteral("\"we will sue"));
        QCOMPARE(found.size(), 2);
        QCOMPARE(text.mid(found.at(0).start, found.at(0).end - found.at(0).start),
                 QStringLiteral("\u201CWe\u00A0will\n sue"));
        QCOMPARE(text.mid(found.at(1).start, found.at(1).end - found.at(1).start),
                 QStringLiteral("\u201Cwe WILL  sue"));
    }
};

QTEST_GUILESS_MAIN(TextSearchTest)
#include "tst_textsearch.moc"
