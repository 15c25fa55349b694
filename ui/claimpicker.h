#pragma once

#include "annotation.h"

#include <QDialog>

class ClaimsModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

// The quick picker behind L: type to filter the existing claims, Enter takes the chosen one, or,
// when none is chosen, makes a new claim titled with what was typed.
class ClaimPicker : public QDialog
{
    Q_OBJECT
public:
    ClaimPicker(ClaimsModel *claims, const QString &suggestedTitle, QWidget *parent = nullptr);

    qint64 chosenClaim() const { return m_chosen; } // 0: a new claim
    QString newTitle() const;
    Wording wording() const;
    // Preselects how the article words the passage (e.g. from the reading cues around it); the
    // reader can still choose another.
    void setSuggestedWording(Wording wording);

    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateHint();

    QSortFilterProxyModel *m_filter;
    QLineEdit *m_text;
    QListView *m_list;
    QComboBox *m_wording;
    QLabel *m_hint;
    qint64 m_chosen = 0;
};
