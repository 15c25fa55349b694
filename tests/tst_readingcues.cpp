// The reading-cue grammar run without painting: which spans of news prose are quotations,
// attributions, hedges, figures and dates, and the wording a new appearance is given from them.
#include "readingcues.h"
#include "testutil.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>

#include <QFile>
#include <QLoggingCategory>
#include <QPalette>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using ReadingCues::Cue;
using ReadingCues::Kind;

namespace {
// Cues as "kind:text" strings: easy to write in a data row and to read when a row fails.
QStringList described(const QString &text, const QList<Cue> &cues)
{
    QStringList result;
    for (const Cue &c : cues)
        result << ReadingCues::kindName(c.kind) + u':' + text.mid(c.start, c.end - c.start);
    return result;
}

QString sample(const QString &name)
{
    // The body as the importer stores it: the headline line and the blank line after it dropped.
    QString text
        = QString::fromUtf8(TestUtil::readFile(QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/") + name));
    const qsizetype bodyStart = text.indexOf(u"\n\n"_s);
    return text.mid(bodyStart + 2).replace(u"\n\n"_s, u"\n"_s).trimmed();
}

// Warnings KSyntaxHighlighting logs while it loads and runs a definition (unknown contexts,
// lists, attributes, bad regular expressions): the definition must cause none.
QStringList g_warnings;
QtMessageHandler g_previous = nullptr;
void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && QByteArray(context.category ? context.category : "").startsWith("kf.syntaxhighlighting"))
        g_warnings << message;
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

class ReadingCuesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // As the window does: the main thread's repository is started on a worker before anything
        // here asks for it.
        ReadingCues::prepareRepository();
    }

    void preparedRepositoryIsTheMainThreads()
    {
        KSyntaxHighlighting::Repository &repo = ReadingCues::repository();
        QVERIFY(ReadingCues::mainRepositoryWasPrepared()); // made on the worker, not here
        QCOMPARE(repo.thread(), QThread::currentThread()); // handed over, not left to the worker
        QCOMPARE(&ReadingCues::repository(), &repo);
        QVERIFY(repo.definitionForName(ReadingCues::definitionName()).isValid());
        QVERIFY(ReadingCues::themeFor(QPalette(Qt::white)).isValid());
        ReadingCues::prepareRepository(); // the repository exists: nothing more is made
        QCOMPARE(&ReadingCues::repository(), &repo);
        // Another thread gets one of its own, living there.
        KSyntaxHighlighting::Repository *there = nullptr;
        QThread *thread = nullptr;
        bool ownThread = false;
        thread = QThread::create([&] {
            there = &ReadingCues::repository();
            ownThread = there->thread() == QThread::currentThread();
        });
        thread->start();
        QVERIFY(thread->wait(30000));
        delete thread;
        QVERIFY(there && there != &repo);
        QVERIFY(ownThread);
    }

    void definitionLoadsFromResources()
    {
        QVERIFY(QFile::exists(u":/org.kde.syntax-highlighting/syntax-addons/news-prose.xml"_s));
        g_warnings.clear();
        g_previous = qInstallMessageHandler(collectWarnings);
        // A fresh repository, so loading happens here and its warnings are seen.
        KSyntaxHighlighting::Repository repository;
        const KSyntaxHighlighting::Definition def = repository.definitionForName(ReadingCues::definitionName());
        QVERIFY(def.isValid());
        QCOMPARE(def.filePath(), u":/org.kde.syntax-highlighting/syntax-addons/news-prose.xml"_s);
        const QStringList lists = def.keywordLists();
        for (const QString &list : {u"attribution"_s, u"attribution-heads"_s, u"attribution-tails"_s, u"sources"_s,
                                    u"hedges"_s, u"months"_s, u"days"_s, u"numbers"_s, u"units"_s})
            QVERIFY2(lists.contains(list), qPrintable(list));
        // The umbrella lists hold the English words through their includes.
        QVERIFY(def.keywordList(u"attribution"_s).contains(u"said"_s));
        QVERIFY(def.keywordList(u"hedges"_s).contains(u"allegedly"_s));
        QVERIFY(def.keywordList(u"months"_s).contains(u"April"_s));
        QStringList formats;
        for (const KSyntaxHighlighting::Format &f : def.formats()) {
            formats << f.name();
            // Cues never paint backgrounds: user highlights are backgrounds and must stay on top.
            QVERIFY2(!f.hasBackgroundColorOverride(), qPrintable(f.name()));
        }
        for (const QString &name : {u"Quotation"_s, u"Attribution"_s, u"Hedge"_s, u"Figure"_s, u"Date"_s,
                                    u"Quoted Hedge"_s, u"Quoted Figure"_s, u"Quoted Date"_s})
            QVERIFY2(formats.contains(name) && !ReadingCues::kindsOfFormat(name).isEmpty(), qPrintable(name));
        // Running every rule once loads the contexts and compiles every regular expression.
        QVERIFY(!ReadingCues::cuesIn(sample(u"05_benzinga.txt"_s)).isEmpty());
        qInstallMessageHandler(g_previous);
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
    }

    // KSyntaxHighlighting's language.xsd is not in Debian's packages; when a machine has it (and
    // xmllint), the definition is checked against it as well.
    void definitionMatchesSchema()
    {
        QStringList candidates{qEnvironmentVariable("KSYNTAXHIGHLIGHTING_XSD")};
        for (const QString &dir : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
            candidates << dir + u"/org.kde.syntax-highlighting/syntax/language.xsd"_s
                       << dir + u"/katepart5/syntax/language.xsd"_s;
        QString xsd;
        for (const QString &c : std::as_const(candidates)) {
            if (!c.isEmpty() && QFile::exists(c))
                xsd = c;
        }
        const QString xmllint = QStandardPaths::findExecutable(u"xmllint"_s);
        if (xmllint.isEmpty())
            QSKIP("xmllint (libxml2-utils) is not installed");
        if (xsd.isEmpty())
            QSKIP("KSyntaxHighlighting's language.xsd is in no Debian binary package; set KSYNTAXHIGHLIGHTING_XSD to "
                  "a copy to check against it (definitionLoadsFromResources checks the loaded definition)");
        QProcess p;
        p.start(
            xmllint,
            {u"--noout"_s, u"--schema"_s, xsd, QStringLiteral(PARALLAX_SOURCE_DIR "/resources/syntax/news-prose.xml")});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void cues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("attribution verb")
            << u"Musk said Microsoft trained its models."_s << QStringList{u"attribution:said"_s};
        QTest::newRow("according to") << u"According to Reuters, the deal is off."_s
                                      << QStringList{u"attribution:According to"_s};
        QTest::newRow("said to is not a phrase") << u"He is said to be angry."_s << QStringList{u"attribution:said"_s};
        QTest::newRow("in a tweet") << u"Musk wrote in a tweet that it was illegal."_s
                                    << QStringList{u"attribution:wrote"_s, u"attribution:tweet"_s};
        QTest::newRow("a site's label is no attribution") << u"Posted In: NewsSocial MediaLegal"_s << QStringList{};
        QTest::newRow("posting a claim is")
            << u"He posted in a forum that it was illegal."_s << QStringList{u"attribution:posted"_s};
        QTest::newRow("hedges") << u"Microsoft allegedly used the data and could face a lawsuit."_s
                                << QStringList{u"hedge:allegedly"_s, u"hedge:could"_s};
        QTest::newRow("May in a title is no date")
            << u"You May Find Interesting: Old Age Nursing Home"_s << QStringList{u"hedge:May"_s};
        QTest::newRow("hedge at sentence start")
            << u"Reportedly, talks failed."_s << QStringList{u"hedge:Reportedly"_s};
        QTest::newRow("May the month, may the hedge")
            << u"In May 2023 the firm may sue."_s << QStringList{u"date:May 2023"_s, u"hedge:may"_s};
        QTest::newRow("typographic quotation")
            << u"Musk said, \u201CLawsuit time.\u201D Then nothing."_s
            << QStringList{u"attribution:said"_s, u"quotation:\u201CLawsuit time.\u201D"_s};
        QTest::newRow("straight quotation")
            << u"He wrote \"see you in court\" on Friday."_s
            << QStringList{u"attribution:wrote"_s, u"quotation:\"see you in court\""_s, u"date:Friday"_s};
        QTest::newRow("single quotation, apostrophe inside")
            << u"A tool called \u2018Musk\u2019s GPT\u2019 is coming."_s
            << QStringList{u"quotation:\u2018Musk\u2019s GPT\u2019"_s};
        QTest::newRow("apostrophes are not quotations") << u"Twitter\u2019s API isn\u2019t free."_s << QStringList{};
        QTest::newRow("straight single quotation")
            << u"It read 'Lawsuit Time' in capitals."_s << QStringList{u"quotation:'Lawsuit Time'"_s};
        QTest::newRow("unbalanced quotation ends with its paragraph")
            << u"The tweet reply read, \u201CThey trained illegally using Twitter data. Lawsuit time.\u00A0\n"
               u"This threat from Elon comes as a reply."_s
            << QStringList{u"attribution:tweet"_s,
                           u"quotation:\u201CThey trained illegally using Twitter data. Lawsuit time."_s};
        QTest::newRow("closing mark without an opening one")
            << u"will no longer support Twitter.\u201D It means"_s << QStringList{u"quotation:\u201D"_s};
        QTest::newRow("figure and date inside a quotation")
            << u"It stated, \u201CStarting on April 25, 2023, it costs $42,000.\u201D"_s
            << QStringList{u"attribution:stated"_s,
                           u"quotation:\u201CStarting on April 25, 2023, it costs $42,000.\u201D"_s,
                           u"date:April 25, 2023"_s, u"figure:$42,000"_s};
        QTest::newRow("money") << u"between $42,000 and $210,000 per month"_s
                               << QStringList{u"figure:$42,000"_s, u"figure:$210,000"_s};
        QTest::newRow("money with a unit") << u"It raised \u20AC1.5 billion last year."_s
                                           << QStringList{u"figure:\u20AC1.5 billion"_s, u"date:last year"_s};
        QTest::newRow("percentages") << u"Shares fell 4.5% or 12 percent."_s
                                     << QStringList{u"figure:4.5%"_s, u"figure:12 percent"_s};
        QTest::newRow("counts") << u"Over 5,000 users and two million tweets in 1 year."_s
                                << QStringList{u"figure:5,000"_s, u"figure:two million"_s, u"figure:1"_s};
        QTest::newRow("numbers in words are not figures") << u"GPT4 and X.AI and 3D"_s << QStringList{};
        QTest::newRow("dates") << u"on 20th April 2023, then on Thursday and 2023-04-25."_s
                               << QStringList{u"date:20th April 2023"_s, u"date:Thursday"_s, u"date:2023-04-25"_s};
        QTest::newRow("year alone") << u"Founded in 2015, it grew."_s << QStringList{u"date:2015"_s};
        QTest::newRow("no-break spaces are word edges")
            << u"as\u00A0Reddit\u00A0said it intends to charge."_s << QStringList{u"attribution:said"_s};
        QTest::newRow("no-break space before a quotation")
            << u"Related:\u00A0\u201CI Was A Starter Wife\u201D: Did Elon"_s
            << QStringList{u"quotation:\u201CI Was A Starter Wife\u201D"_s};
        // What reading the sample story with cues on showed missing, as general rules and lists.
        QTest::newRow("relative dates")
            << u"Last month Musk sued; the trial starts next week, and this year\u00A0will tell."_s
            << QStringList{u"date:Last month"_s, u"date:next week"_s, u"date:this year"_s};
        QTest::newRow("ago") << u"Some months ago, 3 years ago and two weeks ago, for days."_s
                             << QStringList{u"date:months ago"_s, u"figure:3"_s, u"date:years ago"_s, u"figure:two"_s,
                                            u"date:weeks ago"_s};
        QTest::newRow("last and this alone are no dates") << u"This move was the last straw."_s << QStringList{};
        QTest::newRow("more attribution verbs")
            << u"The company cited the fees; analysts suggested otherwise, and Musk believes it."_s
            << QStringList{u"attribution:cited"_s, u"attribution:suggested"_s, u"attribution:believes"_s};
        QTest::newRow("present-tense attributions")
            << u"He denies it, she confirms it, and the paper notes that."_s
            << QStringList{u"attribution:denies"_s, u"attribution:confirms"_s, u"attribution:notes"_s};
        QTest::newRow("allegations and estimates are hedges")
            << u"The allegations remain unclear; an estimated 300 staff left."_s
            << QStringList{u"hedge:allegations"_s, u"hedge:unclear"_s, u"hedge:estimated"_s, u"figure:300"_s};
        QTest::newRow("per cent") << u"Sales fell 12 per cent to \u00A35m."_s
                                  << QStringList{u"figure:12 per cent"_s, u"figure:\u00A35m"_s};
        QTest::newRow("figures in words inside a quotation")
            << u"\u201CTwo million people use it,\u201D she said."_s
            << QStringList{u"quotation:\u201CTwo million people use it,\u201D"_s, u"figure:Two million"_s,
                           u"attribution:said"_s};
        QTest::newRow("relative date inside a quotation")
            << u"\u201CWe sued last week.\u201D"_s
            << QStringList{u"quotation:\u201CWe sued last week.\u201D"_s, u"date:last week"_s};
        QTest::newRow("plain prose") << u"The company dropped Twitter from its platform."_s << QStringList{};
    }

    void cues()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        // Joined, so that a failing row prints both sides.
        QCOMPARE(described(text, ReadingCues::cuesIn(text)).join(u" | "_s), expected.join(u" | "_s));
    }

    void offsetsAreIntoTheWholeText()
    {
        const QString text = u"First paragraph.\nSecond one said \u201Chi\u201D."_s;
        const QList<Cue> cues = ReadingCues::cuesIn(text);
        QCOMPARE(cues.size(), 2);
        QCOMPARE(text.mid(cues.at(0).start, cues.at(0).end - cues.at(0).start), u"said"_s);
        QCOMPARE(cues.at(1).start, int(text.indexOf(u'\u201C')));
    }

    void sampleCorpusUnbalancedQuote()
    {
        const QString body = sample(u"02_suing-microsoft.txt"_s);
        const QString open = u"\u201CThey trained illegally using Twitter data. Lawsuit time."_s;
        QVERIFY(body.contains(open));
        const QList<Cue> cues = ReadingCues::cuesIn(body);
        const int at = int(body.indexOf(open));
        const auto quote = std::find_if(cues.begin(), cues.end(),
                                        [&](const Cue &c) { return c.kind == Kind::Quotation && c.start == at; });
        QVERIFY(quote != cues.end());
        // It ends with its paragraph, not at the end of the article.
        QCOMPARE(quote->end, at + int(open.size()));
        // and the next paragraph is read as prose again: its hedges and figures are found.
        QVERIFY(std::any_of(cues.begin(), cues.end(), [&](const Cue &c) {
            return c.kind == Kind::Figure && body.mid(c.start, c.end - c.start) == u"$42,000"_s;
        }));
    }

    void suggestWording_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("passage");
        QTest::addColumn<Wording>("wording");

        const QString benzinga = u"Musk said, \u201CLawsuit time.\u201D The company stated nothing."_s;
        QTest::newRow("inside a quotation") << benzinga << u"Lawsuit time."_s << Wording::Verbatim;
        QTest::newRow("quotation with its marks") << benzinga << u"\u201CLawsuit time.\u201D"_s << Wording::Verbatim;
        QTest::newRow("attribution in the sentence")
            << u"Musk accused Microsoft of mining Twitter data. It is a big deal."_s
            << u"Microsoft of mining Twitter data"_s << Wording::Attributed;
        QTest::newRow("attribution in another sentence is not near")
            << u"Musk said nothing. Microsoft trained on Twitter data."_s << u"Microsoft trained on Twitter data"_s
            << Wording::Stated;
        QTest::newRow("according to after the passage")
            << u"Twitter will charge $42,000 a month, according to reports."_s << u"Twitter will charge"_s
            << Wording::Attributed;
        QTest::newRow("hedge inside") << u"Microsoft allegedly trained its AI on Twitter data."_s
                                      << u"Microsoft allegedly trained its AI"_s << Wording::Hedged;
        QTest::newRow("hedge nearby") << u"It is likely that Microsoft will pay the fees."_s
                                      << u"Microsoft will pay the fees"_s << Wording::Hedged;
        QTest::newRow("stated as fact") << u"Microsoft dropped Twitter from its advertising tool."_s
                                        << u"Microsoft dropped Twitter"_s << Wording::Stated;
        QTest::newRow("unbalanced quotation of the corpus")
            << sample(u"02_suing-microsoft.txt"_s) << u"They trained illegally using Twitter data"_s
            << Wording::Verbatim;
        QTest::newRow("second paragraph of the corpus is prose again")
            << sample(u"02_suing-microsoft.txt"_s) << u"They\u2019ve also refused to pay Twitter\u2019s API fees."_s
            << Wording::Stated;
    }

    void suggestWording()
    {
        QFETCH(QString, text);
        QFETCH(QString, passage);
        QFETCH(Wording, wording);
        const int start = int(text.indexOf(passage));
        QVERIFY(start >= 0);
        QCOMPARE(ReadingCues::suggestWording(text, start, start + int(passage.size())), wording);
    }

    // Detection will call this from worker threads: each thread gets a repository of its own.
    void worksOffTheMainThread()
    {
        const QString text = sample(u"04_might-sue.txt"_s);
        const QList<Cue> here = ReadingCues::cuesIn(text);
        QList<Cue> there;
        QThread *thread = QThread::create([&] { there = ReadingCues::cuesIn(text); });
        thread->start();
        QVERIFY(thread->wait(30000));
        delete thread;
        QCOMPARE(there, here);
        QVERIFY(!here.isEmpty());
    }
};

QTEST_GUILESS_MAIN(ReadingCuesTest)
#include "tst_readingcues.moc"
