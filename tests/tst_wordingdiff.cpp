// Word-by-word differences between two outlets' wordings of one passage.
#include "detect/wordingdiff.h"

#include <QTest>

using WordingDiff::Token;

namespace {
// A compact picture of a diff: "=word" kept, "+word" added, "-word" dropped.
QString picture(const QList<Token> &tokens)
{
    QStringList parts;
    for (const Token &t : tokens)
        parts << (t.op == Token::Same        ? QStringLiteral("=")
                      : t.op == Token::Added ? QStringLiteral("+")
                                             : QStringLiteral("-"))
                + t.text;
    return parts.join(QLatin1Char(' '));
}
} // namespace

class WordingDiffTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens()
    {
        QCOMPARE(
            WordingDiff::tokens(QStringLiteral("“They didn’t,” he said.")),
            (QStringList{QStringLiteral("“"), QStringLiteral("They"), QStringLiteral("didn’t"), QStringLiteral(","),
                         QStringLiteral("”"), QStringLiteral("he"), QStringLiteral("said"), QStringLiteral(".")}));
        QCOMPARE(
            WordingDiff::tokens(QStringLiteral("'Lawsuit Time'")),
            (QStringList{QStringLiteral("'"), QStringLiteral("Lawsuit"), QStringLiteral("Time"), QStringLiteral("'")}));
        QCOMPARE(WordingDiff::tokens(QStringLiteral("  a\u00A0 b  ")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void diff_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("other");
        QTest::addColumn<QString>("expected");
        QTest::newRow("identical") << QStringLiteral("Fares rise.") << QStringLiteral("Fares rise.")
                                   << QStringLiteral("=Fares =rise =.");
        QTest::newRow("sentence dropped")
            << QStringLiteral("We will sue. Lawsuit time.") << QStringLiteral("We will sue.")
            << QStringLiteral("=We =will =sue =. -Lawsuit -time -.");
        QTest::newRow("full stop became a comma") << QStringLiteral("Lawsuit time.") << QStringLiteral("Lawsuit time,")
                                                  << QStringLiteral("=Lawsuit =time +, -.");
        QTest::newRow("opening quote lost")
            << QStringLiteral("“They trained") << QStringLiteral("They trained") << QStringLiteral("-“ =They =trained");
        QTest::newRow("word changed") << QStringLiteral("costs as high as $42,000")
                                      << QStringLiteral("costs up to $42,000")
                                      << QStringLiteral("=costs +up +to -as -high -as =$ =42 =, =000");
        QTest::newRow("empty other") << QStringLiteral("a b") << QString() << QStringLiteral("-a -b");
    }

    void diff()
    {
        QFETCH(QString, base);
        QFETCH(QString, other);
        QFETCH(QString, expected);
        QCOMPARE(picture(WordingDiff::diff(base, other)), expected);
    }
};

QTEST_GUILESS_MAIN(WordingDiffTest)
#include "tst_wordingdiff.moc"
