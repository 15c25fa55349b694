// Reading cues in the real window, offscreen: the View menu toggle takes the cues away and brings
// them back while the reader's highlights stay on top; the theme follows the palette; the claim
// picker opens on the wording the cues suggest; the source view shows the imported bytes.
#include "annotationstore.h"
#include "annotator.h"
#include "claimpicker.h"
#include "claimsmodel.h"
#include "cuehighlighter.h"
#include "mainwindow.h"
#include "panestrip.h"
#include "readingcues.h"
#include "readingpane.h"
#include "samplestory.h"
#include "sourceview.h"
#include "testutil.h"
#include "workspace.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLayout>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
// The cue formats the highlighter laid over a pane's text: (position, format) for every run.
QList<std::pair<int, QTextCharFormat>> cueFormats(ReadingPane *pane)
{
    QList<std::pair<int, QTextCharFormat>> result;
    for (QTextBlock b = pane->textView()->document()->begin(); b.isValid(); b = b.next()) {
        for (const QTextLayout::FormatRange &r : b.layout()->formats())
            result.append({b.position() + r.start, r.format});
    }
    return result;
}

bool hasCueAt(ReadingPane *pane, int position)
{
    const QTextBlock b = pane->textView()->document()->findBlock(position);
    for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
        if (b.position() + r.start <= position && position < b.position() + r.start + r.length)
            return true;
    }
    return false;
}

// The background a character format gives the text at a position; invalid when it has none.
QColor backgroundAt(ReadingPane *pane, int position)
{
    QTextCursor c(pane->textView()->document());
    c.setPosition(position + 1);
    const QBrush brush = c.charFormat().background();
    return brush.style() == Qt::NoBrush ? QColor() : brush.color();
}

ReadingPane *paneWith(PaneStrip *panes, const QString &text)
{
    for (ReadingPane *pane : panes->panes()) {
        if (pane->bodyText().contains(text))
            return pane;
    }
    return nullptr;
}

// How many pixels of the passage's first line show the highlight's colour (its tint over the
// page), give or take rounding.
int highlightPixels(ReadingPane *pane, int start, int end, QColor tint)
{
    QTextBrowser *view = pane->textView();
    QTextCursor from(view->document());
    from.setPosition(start);
    QTextCursor to(view->document());
    to.setPosition(std::min(end, start + 12));
    const QRect line = view->cursorRect(from).united(view->cursorRect(to));
    const QImage image = view->viewport()->grab().toImage();
    const QColor base = view->palette().color(QPalette::Base);
    const float a = tint.alphaF();
    const QColor expected
        = QColor::fromRgbF(a * tint.redF() + (1 - a) * base.redF(), a * tint.greenF() + (1 - a) * base.greenF(),
                           a * tint.blueF() + (1 - a) * base.blueF());
    const qreal dpr = image.devicePixelRatio();
    int count = 0;
    for (int y = int(line.top() * dpr); y < int(line.bottom() * dpr) && y < image.height(); ++y) {
        for (int x = int(line.left() * dpr); x < int(line.right() * dpr) && x < image.width(); ++x) {
            const QColor p = image.pixelColor(x, y);
            if (std::abs(p.red() - expected.red()) <= 3 && std::abs(p.green() - expected.green()) <= 3
                && std::abs(p.blue() - expected.blue()) <= 3)
                ++count;
        }
    }
    return count;
}

// The blocks of a view's text that its viewport shows, as laid out.
QList<QTextBlock> blocksOnScreen(const QTextBrowser *view)
{
    QList<QTextBlock> blocks;
    QAbstractTextDocumentLayout *layout = view->document()->documentLayout();
    for (QTextBlock b = view->document()->begin();
         b.isValid() && layout->blockBoundingRect(b).top() < view->viewport()->height(); b = b.next())
        blocks << b;
    return blocks;
}

// A text cued whole, in one pass: what a pane's cues are compared with, block by block.
class FullyCued
{
public:
    FullyCued(const QString &text, const QPalette &palette)
    {
        m_document.setPlainText(text);
        m_cues = std::make_unique<CueHighlighter>(&m_document, palette);
        m_cues->cueAll();
    }
    QList<QTextLayout::FormatRange> formatsOf(const QTextBlock &block) const
    {
        return m_document.findBlockByNumber(block.blockNumber()).layout()->formats();
    }
    bool isComplete() const { return m_cues->isComplete(); }

private:
    QTextDocument m_document;
    std::unique_ptr<CueHighlighter> m_cues;
};

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    return p;
}
} // namespace

class ReadingCuesGuiTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"ParallaxTests"_s);
        QCoreApplication::setApplicationName(u"tst_readingcuesgui"_s);
    }

    void init() { QSettings().clear(); }

    void toggleRemovesAndRestoresCuesUnderHighlights()
    {
        MainWindow w;
        w.openInitialWorkspace(m_dir.filePath(u"toggle.parallax"_s));
        w.importFiles({QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/05_benzinga.txt")});
        QTRY_COMPARE(w.paneStrip()->panes().size(), 1);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ReadingPane *pane = w.paneStrip()->panes().first();

        auto *toggle = w.findChild<QAction *>(u"toggleReadingCues"_s);
        QVERIFY(toggle);
        QVERIFY(toggle->isCheckable());
        QVERIFY(toggle->isChecked()); // on by default
        QVERIFY(pane->cueHighlighter());

        // A user highlight over a quotation the cues colour.
        const QString body = pane->bodyText();
        const QString quote = u"\u201CLawsuit time.\u201D"_s;
        const int start = int(body.indexOf(quote));
        QVERIFY(start > 0);
        const int end = start + int(quote.size());
        QVERIFY(w.annotator()->highlight(pane->articleId(), start, end));
        QTRY_VERIFY(backgroundAt(pane, start).isValid());
        const QColor tint = backgroundAt(pane, start);
        QTRY_VERIFY(hasCueAt(pane, start + 2));
        QTRY_VERIFY(pane->cueHighlighter()->isComplete()); // the blocks off screen, in idle slices
        const QList<std::pair<int, QTextCharFormat>> cues = cueFormats(pane);
        QVERIFY(!cues.isEmpty());
        for (const auto &[position, format] : cues)
            QVERIFY2(!format.hasProperty(QTextFormat::BackgroundBrush), qPrintable(QString::number(position)));

        // The highlight's background shows through the cue: on screen, not only in the formats.
        pane->showPassage(start, end);
        pane->clearSelection();
        QCoreApplication::processEvents();
        const int withCues = highlightPixels(pane, start, end, tint);
        QVERIFY2(withCues > 20, qPrintable(QString::number(withCues)));

        // Off: no cue formats anywhere, the highlight stays, and the choice is remembered.
        toggle->trigger();
        QVERIFY(!toggle->isChecked());
        QVERIFY(!pane->cueHighlighter());
        QVERIFY(cueFormats(pane).isEmpty());
        QCOMPARE(backgroundAt(pane, start), tint);
        QCOMPARE(QSettings().value(u"view/readingCues"_s).toBool(), false);
        QCoreApplication::processEvents();
        QVERIFY(highlightPixels(pane, start, end, tint) > 20);

        // On again: the same cues come back, over the same highlight.
        toggle->trigger();
        QVERIFY(toggle->isChecked());
        QTRY_VERIFY(hasCueAt(pane, start + 2));
        QTRY_VERIFY(pane->cueHighlighter()->isComplete());
        QCOMPARE(cueFormats(pane).size(), cues.size());
        QCOMPARE(backgroundAt(pane, start), tint);
        QCOMPARE(QSettings().value(u"view/readingCues"_s).toBool(), true);
    }

    // The first paint waits only for the cues of the blocks on screen; the others follow from the
    // event loop, and in the end every block has exactly the cues a full pass gives it.
    void cuesOnScreenFirstAndEverywhereAfterIdle()
    {
        QStringList paragraphs;
        for (int i = 0; i < 300; ++i)
            paragraphs << u"Item %1: \u201CWe will act,\u201D the minister said on 3 May 2024, adding that costs could "
                          u"rise 4% to $%2 million."_s.arg(i)
                              .arg(10 + i);
        const QString body = paragraphs.join(u'\n');
        ArticleSummary summary;
        summary.id = 1;
        summary.headline = u"Long"_s;
        ReadingPane pane(summary, body);
        pane.setReadingCues(true);
        pane.resize(480, 600);
        pane.layout()->activate();
        QVERIFY(!pane.grab().isNull()); // the first paint, without running the event loop

        // The reference: the same text cued in one full pass.
        const FullyCued full(body, pane.textView()->palette());
        QVERIFY(full.isComplete());
        auto sameCues = [&](const QTextBlock &b) {
            const QList<QTextLayout::FormatRange> want = full.formatsOf(b);
            return !want.isEmpty() && b.layout()->formats() == want;
        };

        QTextBrowser *view = pane.textView();
        QCOMPARE(view->verticalScrollBar()->value(), 0); // a new pane shows the top of its article
        CueHighlighter *cues = pane.cueHighlighter();
        const QList<QTextBlock> onScreen = blocksOnScreen(view);
        for (const QTextBlock &b : onScreen)
            QVERIFY2(sameCues(b),
                     qPrintable(u"block %1 on screen, %2 cued"_s.arg(b.blockNumber()).arg(cues->cuedBlocks())));
        QVERIFY2(onScreen.size() >= 3, qPrintable(QString::number(onScreen.size()))); // several paragraphs on screen
        QVERIFY2(!cues->isComplete(), "the blocks off screen should not delay the first paint");
        QVERIFY(!sameCues(view->document()->lastBlock()));

        QTRY_VERIFY(cues->isComplete());
        for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next())
            QVERIFY2(sameCues(b), qPrintable(QString::number(b.blockNumber())));
    }

    // The blocks on screen are found before the text is laid out, from their lengths: whatever the
    // article and the pane's size, every block the first paint shows has its cues, and a long
    // article is not cued whole before it.
    void firstPaintCuesWhatShows_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("restWaits");
        const QStringList names = QDir(u":/sample"_s).entryList({u"*.txt"_s}, QDir::Files);
        QVERIFY(names.size() >= 5);
        for (const QString &name : names) {
            QString body = QString::fromUtf8(TestUtil::readFile(u":/sample/"_s + name));
            body = body.mid(body.indexOf(u"\n\n"_s) + 2).replace(u"\n\n"_s, u"\n"_s).trimmed();
            QTest::addRow("%s, narrow", qPrintable(name)) << body << QSize(420, 700) << false;
            QTest::addRow("%s, wide and tall", qPrintable(name)) << body << QSize(1100, 1300) << false;
        }
        QStringList lines;
        for (int i = 0; i < 400; ++i)
            lines << u"On 3 May she said %1."_s.arg(i);
        QTest::newRow("one-line paragraphs") << lines.join(u'\n') << QSize(480, 800) << true;
        QStringList long_;
        for (int i = 0; i < 40; ++i)
            long_ << QStringList(12, u"Musk allegedly said the fees could reach $42,000 a month by April 2023."_s)
                         .join(u' ');
        QTest::newRow("long paragraphs") << long_.join(u'\n') << QSize(480, 800) << true;
    }

    void firstPaintCuesWhatShows()
    {
        QFETCH(QString, body);
        QFETCH(QSize, size);
        QFETCH(bool, restWaits);
        ArticleSummary summary;
        summary.id = 1;
        summary.headline = u"Estimate"_s;
        ReadingPane pane(summary, body);
        pane.setReadingCues(true);
        pane.resize(size);
        pane.layout()->activate();
        QVERIFY(!pane.grab().isNull()); // the first paint, without running the event loop

        const FullyCued full(body, pane.textView()->palette());
        const QList<QTextBlock> onScreen = blocksOnScreen(pane.textView());
        for (const QTextBlock &b : onScreen)
            QVERIFY2(
                b.layout()->formats() == full.formatsOf(b),
                qPrintable(
                    u"block %1 on screen, %2 cued"_s.arg(b.blockNumber()).arg(pane.cueHighlighter()->cuedBlocks())));
        QVERIFY(!onScreen.isEmpty());
        if (restWaits)
            QVERIFY2(!pane.cueHighlighter()->isComplete(), "the blocks off screen should not delay the first paint");
    }

    void windowPanesAreCuedAtTheirFirstPaint()
    {
        // The window's own path: the strip loads the panes in view while it paints, and each text
        // is shown, laid out and painted with the cues of what shows already on it.
        const QString path = m_dir.filePath(u"firstpaint.parallax"_s);
        QString error;
        QVERIFY2(SampleStory::create(path, &error), qPrintable(error));

        // Compares, as each pane's text is first painted, the cues of its blocks on screen with
        // those the whole grammar gives the same text.
        class AtFirstPaint : public QObject
        {
        public:
            QStringList failures;
            QList<QObject *> seen;
            bool eventFilter(QObject *o, QEvent *e) override
            {
                auto *view = e->type() == QEvent::Paint ? qobject_cast<QTextBrowser *>(o->parent()) : nullptr;
                if (!view || view->objectName() != u"articleText"_s || seen.contains(o))
                    return false;
                seen << o;
                const FullyCued full(view->document()->toRawText().replace(QChar::ParagraphSeparator, u'\n'),
                                     view->palette());
                int cued = 0;
                for (const QTextBlock &b : blocksOnScreen(view)) {
                    const auto expected = full.formatsOf(b);
                    if (b.layout()->formats() != expected)
                        failures << u"%1, block %2"_s.arg(view->accessibleName()).arg(b.blockNumber());
                    cued += int(expected.size());
                }
                if (cued == 0)
                    failures << u"%1: no cue on screen to compare"_s.arg(view->accessibleName());
                return false;
            }
        } check;
        MainWindow w;
        w.resize(1400, 860);
        qApp->installEventFilter(&check);
        QVERIFY(w.openWorkspace(path));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(check.seen.size() >= 3);
        qApp->removeEventFilter(&check);
        QVERIFY2(check.failures.isEmpty(), qPrintable(check.failures.join(u"; "_s)));
    }

    void toggleIsRemembered()
    {
        QSettings().setValue(u"view/readingCues"_s, false);
        MainWindow w;
        w.openInitialWorkspace(m_dir.filePath(u"remembered.parallax"_s));
        w.importFiles({QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/02_suing-microsoft.txt")});
        QTRY_COMPARE(w.paneStrip()->panes().size(), 1);
        QVERIFY(!w.findChild<QAction *>(u"toggleReadingCues"_s)->isChecked());
        QVERIFY(!w.paneStrip()->panes().first()->cueHighlighter());
        QVERIFY(cueFormats(w.paneStrip()->panes().first()).isEmpty());
    }

    void themeFollowsPalette()
    {
        QTextDocument doc(u"Musk said, \u201CLawsuit time.\u201D"_s);
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        CueHighlighter cues(&doc, light);
        cues.cueAll(); // a highlighter cues no block until asked
        const KSyntaxHighlighting::Theme lightTheme = cues.theme();
        QVERIFY(lightTheme.isValid());
        QVERIFY(QColor(lightTheme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)).lightness() > 128);
        const QColor quoteOnLight = doc.firstBlock().layout()->formats().last().format.foreground().color();

        cues.setPalette(darkPalette());
        const KSyntaxHighlighting::Theme darkTheme = cues.theme();
        QVERIFY(darkTheme.isValid());
        QVERIFY(darkTheme.name() != lightTheme.name());
        QVERIFY(QColor(darkTheme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)).lightness() < 128);
        // and the text is repainted in it: the quotation is lighter on the dark page.
        const QColor quoteOnDark = doc.firstBlock().layout()->formats().last().format.foreground().color();
        QVERIFY(quoteOnDark.lightness() > quoteOnLight.lightness());
    }

    void paneFollowsPaletteChange()
    {
        ArticleSummary article;
        article.id = 1;
        article.headline = u"Headline"_s;
        ReadingPane pane(article, u"Musk said, \u201CLawsuit time.\u201D"_s);
        pane.setReadingCues(true);
        const QString lightName = pane.cueHighlighter()->theme().name();
        pane.setPalette(darkPalette());
        QCOMPARE(pane.cueHighlighter()->theme().name(), ReadingCues::themeFor(darkPalette()).name());
        QVERIFY(pane.cueHighlighter()->theme().name() != lightName);
    }

    void pickerOpensOnTheSuggestedWording_data()
    {
        QTest::addColumn<QString>("article");
        QTest::addColumn<QString>("passage");
        QTest::addColumn<Wording>("wording");
        QTest::newRow("quoted") << u"05_benzinga.txt"_s << u"Lawsuit time."_s << Wording::Verbatim;
        QTest::newRow("attributed") << u"05_benzinga.txt"_s << u"mined the platform"_s << Wording::Attributed;
        QTest::newRow("hedged") << u"04_might-sue.txt"_s << u"harm its reputation"_s << Wording::Hedged;
        QTest::newRow("stated") << u"05_benzinga.txt"_s
                                << u"users will no longer be able to access their Twitter account"_s << Wording::Stated;
    }

    void pickerOpensOnTheSuggestedWording()
    {
        QFETCH(QString, article);
        QFETCH(QString, passage);
        QFETCH(Wording, wording);
        MainWindow w;
        w.openInitialWorkspace(m_dir.filePath(u"picker-%1.parallax"_s.arg(QLatin1String(QTest::currentDataTag()))));
        w.importFiles({QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample/") + article});
        QTRY_COMPARE(w.paneStrip()->panes().size(), 1);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ReadingPane *pane = paneWith(w.paneStrip(), passage);
        QVERIFY(pane);
        const int start = int(pane->bodyText().indexOf(passage));
        pane->textView()->setFocus();
        pane->showPassage(start, start + int(passage.size()));

        Wording offered = Wording::Paraphrase;
        bool seen = false;
        QTimer::singleShot(0, [&] {
            auto *picker = qobject_cast<ClaimPicker *>(QApplication::activeModalWidget());
            QVERIFY(picker);
            seen = true;
            offered = picker->wording();
            picker->reject();
        });
        w.findChild<QAction *>(u"linkToClaim"_s)->trigger();
        QVERIFY(seen);
        QCOMPARE(offered, wording);
    }

    void pickerSetter()
    {
        ClaimsModel claims;
        ClaimPicker picker(&claims, u"a passage"_s);
        QCOMPARE(picker.wording(), Wording::Stated);
        picker.setSuggestedWording(Wording::Hedged);
        QCOMPARE(picker.wording(), Wording::Hedged);
        QCOMPARE(picker.findChild<QComboBox *>(u"wording"_s)->currentData().toInt(), int(Wording::Hedged));
    }

    void viewSourceShowsTheImportedBytes()
    {
        MainWindow w;
        w.openInitialWorkspace(m_dir.filePath(u"source.parallax"_s));
        w.importFiles({QStringLiteral(PARALLAX_TEST_DATA "/news-page.html")});
        QTRY_COMPARE(w.paneStrip()->panes().size(), 1);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ReadingPane *pane = w.paneStrip()->panes().first();
        pane->textView()->setFocus();
        QTRY_VERIFY(w.paneStrip()->focusedPane() == pane);
        w.findChild<QAction *>(u"viewSource"_s)->trigger();
        SourceView *source = nullptr;
        QTRY_VERIFY((source = w.findChild<SourceView *>()) != nullptr);
        QCOMPARE(source->definitionName(), u"HTML"_s);
        const QByteArray original = w.workspace()->articleOriginal(pane->articleId());
        QVERIFY(source->textView()->toPlainText().startsWith(QString::fromUtf8(original.left(20)).trimmed().left(5)));
        QVERIFY(source->textView()->toPlainText().contains(u"</"_s));
        source->close();
    }
};

QTEST_MAIN(ReadingCuesGuiTest)
#include "tst_readingcuesgui.moc"
