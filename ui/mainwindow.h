#pragma once

#include <QMainWindow>

#include <memory>

class AnnotationController;
class Annotator;
class ArticleListModel;
class ClaimDetails;
class ClaimsModel;
class ClaimsPanel;
class CoverageModel;
class DetectionRunner;
class SuggestionsController;
class SuggestionsModel;
class ExportController;
class QUndoGroup;
class PaneStrip;
class QListView;
class QMenu;
class SearchPanel;
class Workspace;
class QLabel;
class SuggestionsPanel;

// The main window: layout and action wiring. The work is done by the core.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // At start-up: the workspace named on the command line (created when missing), else the last
    // one used, else the sample story (created on first launch).
    void openInitialWorkspace(const QString &path);
    // Opens (or creates) a workspace; on failure shows why and keeps the current one.
    bool openWorkspace(const QString &path);
    // Imports article files into the current workspace, reading them off the UI thread.
    void importFiles(const QStringList &paths);
    // Opens the sample story, creating it first when it is not there yet.
    void openSampleStory();

    Workspace *workspace() const { return m_workspace.get(); }
    Annotator *annotator() const { return m_annotator.get(); }
    AnnotationController *annotationController() const { return m_controller; }
    PaneStrip *paneStrip() const { return m_panes; }
    // The strip above the panes that says the workspace is read-only, and why; hidden otherwise.
    QLabel *readOnlyBanner() const { return m_readOnlyBanner; }
    ArticleListModel *articleModel() const { return m_articles; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void newWorkspace();
    void chooseWorkspace();
    void chooseArticles();
    void showAbout();
    void rememberRecent(const QString &path);
    void updateRecentMenu();
    void showProblems(const QString &title, const QStringList &problems);

    void createAnnotationDocks();
    void createExportActions(QMenu *file);
    void detachWorkspace();
    void checkIntegrityLater();
    void startBackgroundWork();

    std::unique_ptr<Workspace> m_workspace;
    bool m_backgroundPending = false; // work of the last open that waits for a first paint
    std::unique_ptr<Annotator> m_annotator; // after m_workspace: destroyed before it
    QUndoGroup *m_undo = nullptr;
    ClaimsModel *m_claims = nullptr;
    ClaimsPanel *m_claimsPanel = nullptr;
    ClaimDetails *m_details = nullptr;
    CoverageModel *m_coverage = nullptr;
    SuggestionsModel *m_suggestions = nullptr;
    DetectionRunner *m_detection = nullptr;
    SuggestionsController *m_suggestionsController = nullptr;
    AnnotationController *m_controller = nullptr;
    ArticleListModel *m_articles = nullptr;
    QListView *m_articleList = nullptr;
    PaneStrip *m_panes = nullptr;
    QLabel *m_readOnlyBanner = nullptr;
    SuggestionsPanel *m_suggestionsPanel = nullptr;
    void setReadOnly(bool readOnly, const QString &reason);
    QMenu *m_recentMenu = nullptr;
    ExportController *m_export = nullptr;
    bool m_importing = false;

    // Search across all articles (Edit › Find in Articles): a dock, and jumps to a match's pane.
    void createSearch(QMenu *menu);
    void showMatch(qint64 articleId, int start, int end);
    SearchPanel *m_search = nullptr;
};
