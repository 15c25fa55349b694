// Finding a quote as a reader means it: whitespace and quote-mark variants match, offsets point
// into the text as it is.
#include "importer.h"
#include "quotefinder.h"
#include "testutil.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using QuoteFinder::Match;

namespace {
// Spans as a flat list, start and end of each match in turn: easy to write in a data row.
QList<int> flat(const QList<Match> &matches)
{
    QList<int> spans;
    for (const Match &m : matches)
        spans << m.start << m.end;
    return spans;
}
} // namespace

class QuoteFinderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findAll_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("quote");
        QTest::addColumn<QList<int>>("spans"); // [start, end) pairs, UTF-16 offsets into body

        QTest::newRow("exact") << u"Lawsuit time. Now."_s << u"Lawsuit time."_s << QList<int>{0, 13};
        QTest::newRow("absent") << u"Lawsuit time."_s << u"Court date."_s << QList<int>{};
        QTest::newRow("curly in body, straight in quote")
            << u"He said \u201CLawsuit time.\u201D loudly"_s << u"\"Lawsuit time.\""_s << QList<int>{8, 23};
        QTest::newRow("straight in body, curly in quote")
            << u"He said \"Lawsuit time.\" loudly"_s << u"\u201CLawsuit time.\u201D"_s << QList<int>{8, 23};
        QTest::newRow("low-9 and guillemets are double marks")
            << u"\u201ELawsuit\u201C and \u00ABtime\u00BB"_s << u"\"Lawsuit\" and \"time\""_s << QList<int>{0, 20};
        QTest::newRow("double prime as a double mark") << u"a 5\u2033 screen"_s << u"5\" screen"_s << QList<int>{2, 11};
        QTest::newRow("typographic apostrophe") << u"Twitter\u2019s data"_s << u"Twitter's data"_s << QList<int>{0, 14};
        QTest::newRow("prime and modifier apostrophe")
            << u"Twitter\u2032s and Musk\u02BCs"_s << u"Twitter's and Musk\u2019s"_s << QList<int>{0, 20};
        QTest::newRow("single low-9 and angle quotes")
            << u"\u201Ayes\u2018 \u2039no\u203A"_s << u"'yes' 'no'"_s << QList<int>{0, 10};
        QTest::newRow("single and double marks differ") << u"'time'"_s << u"\"time\""_s << QList<int>{};
        QTest::newRow("no-break space vs space")
            << u"Microsoft\u00A0Corporation MSFT"_s << u"Microsoft Corporation"_s << QList<int>{0, 21};
        QTest::newRow("space vs no-break space")
            << u"Microsoft Corporation MSFT"_s << u"Microsoft\u00A0Corporation"_s << QList<int>{0, 21};
        QTest::newRow("thin, narrow and ideographic spaces")
            << u"a\u2009b\u202Fc\u3000d"_s << u"a b c d"_s << QList<int>{0, 7};
        QTest::newRow("a run matches one space") << u"a  \t b c"_s << u"a b c"_s << QList<int>{0, 8};
        QTest::newRow("one space matches a run") << u"a b c"_s << u"a \u00A0 b\tc"_s << QList<int>{0, 5};
        QTest::newRow("across a paragraph break") << u"end.\nStart here"_s << u"end. Start"_s << QList<int>{0, 10};
        QTest::newRow("offsets after collapsed runs")
            << u"x    y \u00A0 \u00A0Lawsuit   time."_s << u"Lawsuit time."_s << QList<int>{10, 25};
        QTest::newRow("whitespace at the quote's ends is ignored")
            << u"say Lawsuit time. now"_s << u" \u00A0Lawsuit time.\n"_s << QList<int>{4, 17};
        QTest::newRow("every occurrence") << u"time. time.  time."_s << u"time."_s << QList<int>{0, 5, 6, 11, 13, 18};
        QTest::newRow("occurrences do not overlap") << u"aaaaa"_s << u"aa"_s << QList<int>{0, 2, 2, 4};
        QTest::newRow("case-sensitive") << u"Lawsuit Time"_s << u"lawsuit time"_s << QList<int>{};
        QTest::newRow("after a character outside the BMP")
            << u"\U0001F600 \u201CLawsuit time.\u201D"_s << u"\"Lawsuit time.\""_s << QList<int>{3, 18};
        QTest::newRow("a character outside the BMP inside")
            << u"a \U0001F600 b"_s << u"\U0001F600 b"_s << QList<int>{2, 6};
        QTest::newRow("never half of a surrogate pair") << u"\U0001F600"_s << QString(QChar(0xDE00)) << QList<int>{};
        QTest::newRow("at the very end") << u"It was Lawsuit time.\u00A0\n"_s << u"Lawsuit time."_s
                                         << QList<int>{7, 20};
        QTest::newRow("empty quote") << u"abc"_s << QString() << QList<int>{};
        QTest::newRow("whitespace-only quote") << u"a b"_s << u" \u00A0\t"_s << QList<int>{};
        QTest::newRow("empty body") << QString() << u"a"_s << QList<int>{};
    }

    void findAll()
    {
        QFETCH(QString, body);
        QFETCH(QString, quote);
        QFETCH(QList<int>, spans);
        const QList<Match> matches = QuoteFinder::findAll(body, quote);
        QCOMPARE(flat(matches), spans);
        // What each span holds is the quote up to whitespace and quote marks, and no more.
        for (const Match &m : matches) {
            const QString held = body.mid(m.start, m.end - m.start);
            QCOMPARE(QuoteFinder::normalized(held), QuoteFinder::normalized(quote).trimmed());
        }
    }

    void caseInsensitiveWhenAsked()
    {
        const QString body = u"Lawsuit Time. LAWSUIT TIME\u00A0\u2019"_s;
        QCOMPARE(flat(QuoteFinder::findAll(body, u"lawsuit time"_s, Qt::CaseInsensitive)), (QList<int>{0, 12, 14, 26}));
        QCOMPARE(flat(QuoteFinder::findAll(body, u"lawsuit time '"_s, Qt::CaseInsensitive)), (QList<int>{14, 28}));
    }

    void originsCoverTheTextOnce_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << u"abc"_s;
        QTest::newRow("runs") << u"  a \u00A0\t b\n\n"_s;
        QTest::newRow("marks and surrogates") << u"\u201C\U0001F600\u2019 x"_s;
        QTest::newRow("empty") << QString();
    }

    void originsCoverTheTextOnce()
    {
        QFETCH(QString, text);
        QList<Match> origins;
        const QString n = QuoteFinder::normalized(text, &origins);
        QCOMPARE(origins.size(), n.size());
        int next = 0;
        for (const Match &o : origins) {
            QCOMPARE(o.start, next);
            QVERIFY(o.end > o.start);
            next = o.end;
        }
        QCOMPARE(next, int(text.size()));
    }

    // The answer key's passages, typed plainly (straight quotes, ordinary spaces), are found
    // exactly where the key puts them in the imported sample articles.
    void samplePassagesTypedPlainly_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("passage");
        QFile key(QStringLiteral(PARALLAX_TEST_DATA "/claims.tsv"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(key.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines.mid(1)) {
            const QStringList f = line.split(QLatin1Char('\t'));
            QCOMPARE(f.size(), 3);
            QTest::addRow("%s %s", qPrintable(f.at(0)), qPrintable(f.at(1))) << f.at(1) << f.at(2);
        }
    }

    void samplePassagesTypedPlainly()
    {
        QFETCH(QString, file);
        QFETCH(QString, passage);
        const Importer::Result r
            = Importer::importFile(QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/") + file);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QString &body = r.draft.body;
        const int at = int(body.indexOf(passage));
        QVERIFY2(at >= 0, "the key's passage is not in the imported body");
        QString plain = passage;
        plain.replace(QChar(0x00A0), QLatin1Char(' '));
        for (QChar c : {QChar(0x2018), QChar(0x2019)})
            plain.replace(c, QLatin1Char('\''));
        for (QChar c : {QChar(0x201C), QChar(0x201D)})
            plain.replace(c, QLatin1Char('"'));
        QCOMPARE(flat(QuoteFinder::findAll(body, plain)), (QList<int>{at, at + int(passage.size())}));
    }
};

QTEST_GUILESS_MAIN(QuoteFinderTest)
#include "tst_quotefinder.moc"
