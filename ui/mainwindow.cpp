#include "mainwindow.h"

#include "annotationcontroller.h"
#include "annotationstore.h"
#include "annotator.h"
#include "articlelistdelegate.h"
#include "articlelistmodel.h"
#include "claimdetails.h"
#include "claimsmodel.h"
#include "claimspanel.h"
#include "coveragemodel.h"
#include "coverageview.h"
#include "detectionrunner.h"
#include "exportcontroller.h"
#include "importer.h"
#include "panestrip.h"
#include "readingcues.h"
#include "readingpane.h"
#include "roles.h"
#include "samplestory.h"
#include "searchpanel.h"
#include "sourceview.h"
#include "suggestionscontroller.h"
#include "suggestionsmodel.h"
#include "suggestionspanel.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtConcurrentRun>
#include <QTimer>
#include <QUndoGroup>
#include <QVBoxLayout>

namespace {
constexpr int MaxRecent = 8;
const QString WorkspaceSuffix = QStringLiteral("parallax");

QString workspaceFilter()
{
    return MainWindow::tr("Parallax workspaces (*.%1);;All files (*)").arg(WorkspaceSuffix);
}

bool isWorkspaceFile(const QString &path)
{
    return QFileInfo(path).suffix().compare(WorkspaceSuffix, Qt::CaseInsensitive) == 0;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    // The panes' reading cues need KSyntaxHighlighting's repository before their first paint: it
    // is made on a worker while the window builds itself.
    if (QSettings().value(QStringLiteral("view/readingCues"), true).toBool())
        ReadingCues::prepareRepository();
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    resize(1400, 860);

    m_articles = new ArticleListModel(this);
    m_panes = new PaneStrip(this);
    connect(m_panes, &PaneStrip::painting, this, [this] {
        if (m_backgroundPending)
            QTimer::singleShot(0, this, &MainWindow::startBackgroundWork); // once this paint is done
    });
    m_panes->setModel(m_articles);
    // A banner above the panes when the workspace can only be read.
    m_readOnlyBanner = new QLabel(this);
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setTextFormat(Qt::PlainText);
    m_readOnlyBanner->setMargin(8);
    m_readOnlyBanner->setAutoFillBackground(true);
    m_readOnlyBanner->setBackgroundRole(QPalette::ToolTipBase);
    m_readOnlyBanner->setForegroundRole(QPalette::ToolTipText);
    m_readOnlyBanner->hide();
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_readOnlyBanner);
    centralLayout->addWidget(m_panes, 1);
    setCentralWidget(central);

    m_articleList = new QListView(this);
    m_articleList->setObjectName(QStringLiteral("articleList"));
    m_articleList->setModel(m_articles);
    m_articleList->setItemDelegate(new ArticleListDelegate(m_articleList));
    m_articleList->setUniformItemSizes(true);
    m_articleList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_articleList->setFrameShape(QFrame::NoFrame);
    m_articleList->setToolTip(tr("Tick an article to show it side by side; Space toggles the selected one."));
    connect(m_articleList, &QListView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(Qt::CheckStateRole).value<Qt::CheckState>())
            m_articles->setData(index, Qt::Checked, Qt::CheckStateRole);
        m_panes->scrollToPane(m_articles->articleAt(index.row()).id);
    });

    auto *dock = new QDockWidget(tr("Articles"), this);
    dock->setObjectName(QStringLiteral("articlesDock"));
    dock->setWidget(m_articleList);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {260}, Qt::Horizontal);

    createAnnotationDocks();
    createActions();
    statusBar()->showMessage(tr("Ready"));

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateRecentMenu();
}

MainWindow::~MainWindow()
{
    // The models and panes hold pointers into the workspace: let go of them first.
    detachWorkspace();
}

void MainWindow::createAnnotationDocks()
{
    m_undo = new QUndoGroup(this);
    m_claims = new ClaimsModel(this);
    // A large workspace paints first and fills its list of claims from a worker a moment later.
    m_claims->setBackgroundLoadingAbove(5000);
    m_claimsPanel = new ClaimsPanel(m_claims, this);
    m_details = new ClaimDetails(this);
    m_controller = new AnnotationController(m_panes, m_claimsPanel, m_details, m_claims, this);
    connect(m_controller, &AnnotationController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });

    auto dockFor = [this](QWidget *widget, const QString &title, const QString &name) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(Qt::RightDockWidgetArea, d);
        return d;
    };
    QDockWidget *claims = dockFor(m_claimsPanel, tr("Claims"), QStringLiteral("claimsDock"));
    QDockWidget *details = dockFor(m_details, tr("Claim Details"), QStringLiteral("detailsDock"));
    splitDockWidget(claims, details, Qt::Vertical);
    resizeDocks({claims}, {400}, Qt::Horizontal);

    m_coverage = new CoverageModel(this);
    auto *coverageView = new CoverageView(m_coverage, this);
    QDockWidget *coverage = dockFor(coverageView, tr("Coverage Matrix"), QStringLiteral("coverageDock"));
    addDockWidget(Qt::BottomDockWidgetArea, coverage);
    coverage->hide(); // opened from the View menu (Ctrl+M)
    // The matrix is computed while its dock shows, not for a hidden dock on every open.
    m_coverage->setActive(false);
    connect(coverage, &QDockWidget::visibilityChanged, m_coverage, &CoverageModel::setActive);

    m_suggestions = new SuggestionsModel(this);
    m_detection = new DetectionRunner(this);
    auto *suggestionsPanel = new SuggestionsPanel(m_suggestions, m_detection, this);
    m_suggestionsPanel = suggestionsPanel;
    QDockWidget *suggestions = dockFor(suggestionsPanel, tr("Suggestions"), QStringLiteral("suggestionsDock"));
    tabifyDockWidget(claims, suggestions);
    claims->raise();
    m_suggestionsController
        = new SuggestionsController(m_suggestions, m_detection, suggestionsPanel, m_controller, this);
    connect(m_suggestionsController, &SuggestionsController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(coverageView, &CoverageView::cellChosen, this,
            [this](qint64 claimId, qint64 articleId, qint64 highlightId) {
                m_controller->chooseClaim(claimId, highlightId);
                m_panes->scrollToPane(articleId);
            });
}

void MainWindow::detachWorkspace()
{
    m_suggestionsController->setAnnotator(nullptr);
    m_controller->setAnnotator(nullptr);
    m_claims->setStore(nullptr);
    m_coverage->setStore(nullptr);
    m_panes->setStore(nullptr);
    m_articles->setWorkspace(nullptr);
    if (m_annotator)
        m_undo->removeStack(m_annotator->undoStack());
    m_annotator.reset();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    auto add = [this](QMenu *menu, const QString &name, const QString &text, const QKeySequence &keys, auto slot) {
        auto *action = menu->addAction(text);
        action->setObjectName(name);
        if (!keys.isEmpty())
            action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(file, QStringLiteral("newWorkspace"), tr("&New Workspace…"), QKeySequence::New, &MainWindow::newWorkspace);
    add(file, QStringLiteral("openWorkspace"), tr("&Open Workspace…"), QKeySequence::Open,
        &MainWindow::chooseWorkspace);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    add(file, QStringLiteral("openSample"), tr("Open &Sample Story"), {}, &MainWindow::openSampleStory);
    file->addSeparator();
    add(file, QStringLiteral("importArticles"), tr("&Import Articles…"), QKeySequence(tr("Ctrl+I")),
        &MainWindow::chooseArticles);
    createExportActions(file);
    file->addSeparator();
    add(file, QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    createSearch(edit);

    QMenu *claim = menuBar()->addMenu(tr("&Claim"));
    claim->addAction(m_controller->highlightAction());
    claim->addAction(m_controller->linkAction());
    claim->addAction(m_controller->removeHighlightAction());
    claim->addSeparator();
    for (QAction *a : m_controller->statusActions())
        claim->addAction(a);
    claim->addSeparator();
    claim->addAction(m_controller->nextClaimAction());
    claim->addAction(m_controller->previousClaimAction());
    add(claim, QStringLiteral("filterClaims"), tr("&Filter Claims"), QKeySequence(tr("Ctrl+Shift+F")), [this] {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("claimsDock")))
            dock->show();
        m_claimsPanel->focusSearch();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("articlesDock"))) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("toggleArticleList"));
        toggle->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
        view->addAction(toggle);
    }
    for (const char *name : {"claimsDock", "suggestionsDock", "detailsDock", "coverageDock"}) {
        if (auto *dock = findChild<QDockWidget *>(QLatin1String(name)))
            view->addAction(dock->toggleViewAction());
    }
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("coverageDock"))) {
        dock->toggleViewAction()->setObjectName(QStringLiteral("toggleCoverage"));
        dock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+M")));
    }
    add(view, QStringLiteral("focusArticleList"), tr("Go to Article &List"), QKeySequence(tr("Ctrl+L")), [this] {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("articlesDock")))
            dock->show();
        m_articleList->setFocus();
    });

    view->addSeparator();
    add(view, QStringLiteral("nextPane"), tr("&Next Pane"), QKeySequence(tr("Alt+Right")),
        [this] { m_panes->focusNeighbour(+1); });
    add(view, QStringLiteral("previousPane"), tr("&Previous Pane"), QKeySequence(tr("Alt+Left")),
        [this] { m_panes->focusNeighbour(-1); });

    // Reading cues and the source of an article.
    view->addSeparator();
    QAction *cues = view->addAction(tr("Reading &Cues"));
    cues->setObjectName(QStringLiteral("toggleReadingCues"));
    cues->setCheckable(true);
    cues->setChecked(QSettings().value(QStringLiteral("view/readingCues"), true).toBool());
    m_panes->setReadingCues(cues->isChecked());
    connect(cues, &QAction::toggled, this, [this](bool on) {
        m_panes->setReadingCues(on);
        QSettings().setValue(QStringLiteral("view/readingCues"), on);
    });
    add(view, QStringLiteral("viewSource"), tr("View &Source"), QKeySequence(tr("Ctrl+U")), [this] {
        ReadingPane *pane = m_panes->focusedPane();
        if (!pane || !SourceView::open(m_workspace.get(), pane->articleId(), this))
            statusBar()->showMessage(tr("Click in an article first to view its source."), 5000);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, QStringLiteral("about"), tr("&About Parallax"), {}, &MainWindow::showAbout);
}

void MainWindow::createSearch(QMenu *menu)
{
    m_search = new SearchPanel(m_articles->workspace(), this);
    auto *dock = new QDockWidget(tr("Search"), this);
    dock->setObjectName(QStringLiteral("searchDock"));
    dock->setWidget(m_search);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock, Qt::Vertical);
    dock->hide();
    // The article model is where the window's workspace changes; search follows it there, before
    // the old workspace is closed.
    connect(m_articles, &QAbstractItemModel::modelReset, m_search,
            [this] { m_search->setWorkspace(m_articles->workspace()); });
    connect(m_search, &SearchPanel::jumpRequested, this, &MainWindow::showMatch);
    connect(m_search, &SearchPanel::closeRequested, dock, &QWidget::hide);

    QAction *find = menu->addAction(tr("&Find in Articles…"));
    find->setObjectName(QStringLiteral("findInArticles"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this, dock] {
        dock->show();
        dock->raise();
        m_search->startSearch();
    });
}

void MainWindow::showMatch(qint64 articleId, int start, int end)
{
    const int row = m_articles->rowOf(articleId);
    if (row < 0)
        return;
    const QModelIndex index = m_articles->index(row);
    if (!index.data(Roles::ShownRole).toBool())
        m_articles->setData(index, Qt::Checked, Qt::CheckStateRole);
    ReadingPane *pane = m_panes->paneFor(articleId);
    if (!pane)
        return;
    m_panes->scrollToPane(articleId);
    pane->showPassage(start, end);
}

void MainWindow::createExportActions(QMenu *file)
{
    m_export = new ExportController(this, [this] { return m_annotator.get(); });
    connect(m_export, &ExportController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    file->addAction(m_export->populate(exportMenu));
}

void MainWindow::openInitialWorkspace(const QString &path)
{
    if (!path.isEmpty()) {
        openWorkspace(path);
        return;
    }
    const QString last = QSettings().value(QStringLiteral("workspace/last")).toString();
    if (!last.isEmpty() && QFileInfo::exists(last) && openWorkspace(last))
        return;
    openSampleStory();
}

bool MainWindow::openWorkspace(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QString error;
    // The page-by-page check runs on a worker after the window has painted (below): on a large
    // workspace it takes longer than everything else the first paint needs.
    std::unique_ptr<Workspace> ws = Workspace::open(absolute, &error, Workspace::Check::Later);
    if (!ws) {
        showProblems(tr("Cannot open workspace"), {error});
        return false;
    }
    detachWorkspace();
    m_workspace = std::move(ws);
    setReadOnly(m_workspace->isReadOnly(), m_workspace->readOnlyReason());
    m_annotator = std::make_unique<Annotator>(m_workspace.get());
    m_undo->addStack(m_annotator->undoStack());
    m_undo->setActiveStack(m_annotator->undoStack());
    AnnotationStore *store = m_annotator->store();
    m_panes->setStore(store);
    m_articles->setWorkspace(m_workspace.get());
    // Background work of this workspace (reading a long list of claims, checking the file page
    // by page, detecting shared claims) starts once the window has painted it, or after a second if nothing paints.
    m_claims->holdBackgroundLoading(true);
    m_claims->setStore(store);
    m_coverage->setStore(store);
    m_claimsPanel->reloadTags();
    connect(store, &AnnotationStore::tagsChanged, m_claimsPanel, &ClaimsPanel::reloadTags);
    m_controller->setAnnotator(m_annotator.get());
    m_suggestionsController->setAnnotator(m_annotator.get());
    setWindowFilePath(absolute);
    setWindowTitle(tr("%1 — Parallax").arg(m_workspace->title()));
    rememberRecent(absolute);
    m_backgroundPending = true;
    QTimer::singleShot(1000, this, &MainWindow::startBackgroundWork);
    const int count = m_workspace->articleCount();
    statusBar()->showMessage(count == 1 ? tr("1 article in %1").arg(m_workspace->title())
                                        : tr("%1 articles in %2").arg(count).arg(m_workspace->title()),
                             5000);
    return true;
}

void MainWindow::startBackgroundWork()
{
    if (!std::exchange(m_backgroundPending, false) || !m_workspace)
        return;
    m_claims->holdBackgroundLoading(false);
    checkIntegrityLater();
    // Suggestions take seconds anyway; the runner reads the bodies here, then works on a worker.
    QTimer::singleShot(0, m_detection, &DetectionRunner::run);
}

void MainWindow::checkIntegrityLater()
{
    auto *watcher = new QFutureWatcher<QString>(this);
    const QPointer<Workspace> ws = m_workspace.get();
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, ws] {
        watcher->deleteLater();
        const QString problem = watcher->result();
        if (problem.isEmpty() || !ws || ws != m_workspace.get() || ws->fileIsGone())
            return;
        // Found damaged after opening: nothing more is written to it; reading and exporting what
        // can still be read stay possible.
        ws->setReadOnlyReason(tr("the file is damaged"));
        setReadOnly(true, ws->readOnlyReason());
        showProblems(tr("The workspace is damaged"),
                     {tr("%1. Parallax will not change it: restore it from a backup, or export what you can "
                         "still read.")
                          .arg(problem)});
    });
    watcher->setFuture(QtConcurrent::run(&Workspace::checkIntegrity, m_workspace->path()));
}

void MainWindow::setReadOnly(bool readOnly, const QString &reason)
{
    m_readOnlyBanner->setText(readOnly ? tr("Read-only: %1. You can read, search and export this workspace, but "
                                            "not change it.")
                                             .arg(reason)
                                       : QString());
    m_readOnlyBanner->setAccessibleName(m_readOnlyBanner->text());
    m_readOnlyBanner->setVisible(readOnly);
    m_controller->setReadOnly(readOnly);
    m_suggestionsPanel->setReadOnly(readOnly);
    m_details->setEnabled(!readOnly);
    for (const char *name : {"importArticles", "importAnnotations"}) {
        if (auto *action = findChild<QAction *>(QLatin1String(name)))
            action->setEnabled(!readOnly);
    }
}

void MainWindow::openSampleStory()
{
    QString error;
    const QString path = SampleStory::defaultPath();
    if (!QFileInfo::exists(path) && !SampleStory::create(path, &error)) {
        showProblems(tr("Cannot open the sample story"), {error});
        return;
    }
    openWorkspace(path);
}

void MainWindow::newWorkspace()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), QDir(dir).filePath(tr("Untitled.parallax")),
                                                workspaceFilter());
    if (path.isEmpty())
        return;
    if (!isWorkspaceFile(path))
        path += QLatin1Char('.') + WorkspaceSuffix;
    if (QFileInfo::exists(path)) {
        // The dialog asked before replacing; a workspace is never emptied in place.
        if (path == windowFilePath() || !QFile::moveToTrash(path)) {
            showProblems(tr("Cannot create workspace"),
                         {tr("%1 already exists and could not be replaced.").arg(QFileInfo(path).fileName())});
            return;
        }
    }
    openWorkspace(path);
}

void MainWindow::chooseWorkspace()
{
    const QString dir = windowFilePath().isEmpty() ? QDir::homePath() : QFileInfo(windowFilePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), dir, workspaceFilter());
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::chooseArticles()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("import/lastFolder"), QDir::homePath()).toString();
    const QStringList paths
        = QFileDialog::getOpenFileNames(this, tr("Import Articles"), dir, Importer::fileDialogFilter());
    if (paths.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/lastFolder"), QFileInfo(paths.first()).absolutePath());
    importFiles(paths);
}

void MainWindow::importFiles(const QStringList &paths)
{
    if (!m_workspace || paths.isEmpty() || m_importing)
        return;
    if (m_workspace->isReadOnly()) {
        showProblems(tr("Cannot import"),
                     {tr("%1 is read-only: %2.").arg(m_workspace->title(), m_workspace->readOnlyReason())});
        return;
    }
    m_importing = true;
    auto *watcher = new QFutureWatcher<Importer::Result>(this);
    auto *progress = new QProgressDialog(tr("Reading articles…"), tr("Cancel"), 0, int(paths.size()), this);
    progress->setWindowTitle(tr("Import Articles"));
    progress->setMinimumDuration(400); // only for imports that take a while
    progress->setWindowModality(Qt::WindowModal);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, watcher, &QFutureWatcherBase::cancel);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, progress, paths] {
        progress->deleteLater();
        watcher->deleteLater();
        m_importing = false;
        if (watcher->isCanceled()) {
            statusBar()->showMessage(tr("Import cancelled; nothing was imported."), 5000);
            return;
        }
        QList<ArticleDraft> drafts;
        QStringList problems;
        for (int i = 0; i < paths.size(); ++i) {
            const Importer::Result r = watcher->resultAt(i);
            if (r.ok())
                drafts.append(r.draft);
            else
                problems.append(r.error);
        }
        int imported = 0, duplicates = 0;
        const QList<Workspace::AddResult> results = m_workspace->addArticles(drafts);
        for (qsizetype i = 0; i < results.size(); ++i) {
            if (results.at(i).duplicate)
                ++duplicates;
            else if (results.at(i).ok())
                ++imported;
            else
                problems.append(tr("%1: could not be stored (%2)").arg(drafts.at(i).sourceName, results.at(i).error));
        }
        QString message = imported == 1 ? tr("Imported 1 article.") : tr("Imported %1 articles.").arg(imported);
        if (duplicates > 0)
            message += QLatin1Char(' ') + tr("%1 already in the workspace, skipped.").arg(duplicates);
        if (!problems.isEmpty())
            message += QLatin1Char(' ') + tr("%1 could not be imported.").arg(problems.size());
        statusBar()->showMessage(message, 10000);
        if (!problems.isEmpty())
            showProblems(tr("Some files were not imported"), problems);
    });
    watcher->setFuture(Importer::importFilesAsync(paths));
}

void MainWindow::showProblems(const QString &title, const QStringList &problems)
{
    // Window-modal and not blocking: the reader can go on reading behind it.
    auto *box = new QMessageBox(QMessageBox::Warning, title, problems.size() == 1 ? problems.first() : title,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("problemBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (problems.size() > 1) {
        box->setInformativeText(tr("%1 files could not be imported; nothing of them was added.").arg(problems.size()));
        box->setDetailedText(problems.join(QLatin1Char('\n')));
    }
    box->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Parallax"),
                       tr("<h3>Parallax %1</h3><p>Compare how several outlets reported one story: read the "
                          "articles side by side, mark what each one claims, and see which claims they share.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("workspace/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("workspace/recent"), recent);
    settings.setValue(QStringLiteral("workspace/last"), path);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("workspace/recent")).toStringList();
    int n = 0;
    for (const QString &path : recent) {
        if (!QFileInfo::exists(path))
            continue;
        ++n;
        QAction *action = m_recentMenu->addAction(tr("&%1  %2").arg(n).arg(QFileInfo(path).completeBaseName()));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    m_recentMenu->setEnabled(n > 0);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Nothing to save: every change is already in the workspace file. Only the layout is kept.
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool local
        = !urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); });
    if (local)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList articles;
    QString workspaceFile;
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (isWorkspaceFile(path))
            workspaceFile = path;
        else
            articles.append(path);
    }
    event->acceptProposedAction();
    if (!workspaceFile.isEmpty() && articles.isEmpty())
        openWorkspace(workspaceFile);
    else
        importFiles(articles);
}
