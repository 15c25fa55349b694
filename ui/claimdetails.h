#pragma once

#include <QPointer>
#include <QWidget>

class Annotator;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

// Title, status, tags, note and evidence links of the current claim, edited in place. Every edit
// goes through the Annotator (undoable, committed at once); the fields follow changes made
// elsewhere, by undo for instance.
class ClaimDetails : public QWidget
{
    Q_OBJECT
public:
    explicit ClaimDetails(QWidget *parent = nullptr);

    void setAnnotator(Annotator *annotator);
    void setClaim(qint64 claimId); // 0 shows nothing
    qint64 claim() const { return m_claim; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void commitTitle();
    void commitNote();
    void addEvidence();
    void newTag();

    QPointer<Annotator> m_annotator;
    qint64 m_claim = 0;
    bool m_filling = false;
    QLabel *m_empty;
    QWidget *m_form;
    QLineEdit *m_title;
    QComboBox *m_status;
    QListWidget *m_tags;
    QPlainTextEdit *m_note;
    QTimer *m_noteTimer;
    QListWidget *m_evidence;
    QLineEdit *m_evidenceUrl;
    QLineEdit *m_evidenceNote;
    QPushButton *m_removeEvidence;
    QLabel *m_reports;
};
