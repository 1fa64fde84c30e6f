#pragma once

#include <QObject>

#include "live/training_controller.h"

class QAction;
class QMenuBar;
class QToolBar;
class QWidget;

namespace shatter {

// Every command of the main window, each a QAction with its shortcuts, made in one place; the
// menus and the toolbar show them and the window connects them. The run commands use keys that
// no text field takes (Ctrl+Return, Ctrl+Space, F10, Esc) and work wherever the focus is; Space
// also starts or pauses while the focus is not in a text field. While a stored run is replayed,
// Pause plays and pauses the replay, Stop (Esc) ends it, and the replay keys are live:
// ] or + faster, [ or - slower, . or Ctrl+Right one epoch on, , or Ctrl+Left one epoch back,
// Home and End the first and last epoch (never the plain arrows or Page Up/Down); a text field
// with the focus keeps the characters and cursor keys typed into it.
class WindowActions : public QObject {
    Q_OBJECT

public:
    explicit WindowActions(QWidget* window);

    // Start, Pause/Resume, Step and Stop, enabled as the run's state allows.
    void setRunState(TrainingController::State state);
    // False while a sweep runs: the single-run commands then do nothing.
    void setSingleRunsAllowed(bool allowed);
    // A replay is shown (and playing or paused): Pause and Stop act on it, the replay keys work.
    void setReplay(bool active, bool playing);
    // While another action owns Esc (a lecture's End), Stop answers only the media Stop key:
    // two enabled actions on one key would both be dead.
    void setEscapeTaken(bool taken);

    // File, Run and View; `panels` are the show/hide actions of the docked panels.
    void fillMenus(QMenuBar* menus, const QList<QAction*>& panels) const;
    void fillToolbar(QToolBar* toolbar) const;

    QAction* start() const { return m_start; }
    QAction* pause() const { return m_pause; }
    QAction* step() const { return m_step; }
    QAction* stop() const { return m_stop; }
    QAction* sweep() const { return m_sweep; }
    QAction* exportFigureSet() const { return m_exportSet; }
    QAction* quit() const { return m_quit; }
    QAction* presentation() const { return m_presentation; }
    QAction* dark() const { return m_dark; }
    QAction* chartsOnly() const { return m_chartsOnly; }
    QAction* replay() const { return m_replay; }
    QAction* replayFaster() const { return m_replayFaster; }
    QAction* replaySlower() const { return m_replaySlower; }
    QAction* replayForward() const { return m_replayForward; }
    QAction* replayBack() const { return m_replayBack; }
    QAction* replayFirst() const { return m_replayFirst; }
    QAction* replayLast() const { return m_replayLast; }

private:
    QAction* make(const QString& text, const QString& tip, const QList<QKeySequence>& keys,
                  Qt::ShortcutContext context = Qt::ApplicationShortcut);
    void updateEnabled();

    QWidget* m_window;
    QAction* m_start;
    QAction* m_pause;
    QAction* m_step;
    QAction* m_stop;
    QAction* m_sweep;
    QAction* m_exportSet;
    QAction* m_quit;
    QAction* m_presentation;
    QAction* m_dark;
    QAction* m_chartsOnly;
    QAction* m_replay;
    QAction* m_replayFaster;
    QAction* m_replaySlower;
    QAction* m_replayForward;
    QAction* m_replayBack;
    QAction* m_replayFirst;
    QAction* m_replayLast;
    TrainingController::State m_state = TrainingController::State::Idle;
    bool m_singleRunsAllowed = true;
    bool m_replayActive = false;
    bool m_replayPlaying = false;
};

}  // namespace shatter
