#include "window/window_actions.h"

#include <QAction>
#include <QMenuBar>
#include <QToolBar>
#include <QWidget>

namespace shatter {

WindowActions::WindowActions(QWidget* window) : QObject(window), m_window(window) {
    m_start = make("&Start", "Start a run with the settings of the experiment panel",
                   {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::Key_F9)});
    m_pause = make("&Pause", "Pause or resume the run",
                   {QKeySequence(Qt::CTRL | Qt::Key_Space), QKeySequence(Qt::Key_Pause),
                    QKeySequence(Qt::Key_MediaTogglePlayPause)});
    m_step = make("S&tep one epoch", "While paused: train one more epoch, then pause again",
                  {QKeySequence(Qt::Key_F10)});
    // Esc stays with the main window, so that it still closes dialogs and menus.
    m_stop = make("St&op", "Stop the run; its finished epochs stay saved",
                  {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::Key_MediaStop)}, Qt::WindowShortcut);
    m_sweep = make("S&weep…", "Train one run per corruption level (and mode, and network): the paper's Figure 1", {});
    m_exportSet = make("&Export figure set…",
                       "Write Figure 1, the live curves and a gallery sheet as PNG, SVG, PDF and CSV", {});
    m_quit = make("&Quit", "Quit Shatter; a run in progress keeps every finished epoch", {QKeySequence::Quit},
                  Qt::WindowShortcut);
    m_presentation = make("&Presentation mode", "Larger type and thicker lines, charts enlarged; also for exported figures",
                          {QKeySequence(Qt::Key_F5)});
    m_presentation->setCheckable(true);
    m_dark = make("&Dark theme", "A dark background, for the window and exported figures",
                  {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)});
    m_dark->setCheckable(true);
    m_chartsOnly = make("&Full-screen charts", "Only the curves, on the whole screen (F11 again to return)",
                        {QKeySequence(Qt::Key_F11)});
    m_chartsOnly->setCheckable(true);
    m_replay = make("&Replay selected run", "Play the run selected in RUNS back: its curves and gallery as they grew, no training",
                    {QKeySequence(Qt::CTRL | Qt::Key_R)}, Qt::WindowShortcut);
    m_replayFaster = make("Replay &faster", "The next replay speed up (1×, 2×, 5×, 10×, 50×)",
                          {QKeySequence(Qt::Key_BracketRight), QKeySequence(Qt::Key_Plus)}, Qt::WindowShortcut);
    m_replaySlower = make("Replay &slower", "The next replay speed down",
                          {QKeySequence(Qt::Key_BracketLeft), QKeySequence(Qt::Key_Minus)}, Qt::WindowShortcut);
    m_replayForward = make("&Next epoch", "Show the replayed run one epoch on",
                           {QKeySequence(Qt::Key_Period), QKeySequence(Qt::CTRL | Qt::Key_Right)}, Qt::WindowShortcut);
    m_replayBack = make("Previous e&poch", "Show the replayed run one epoch back",
                        {QKeySequence(Qt::Key_Comma), QKeySequence(Qt::CTRL | Qt::Key_Left)}, Qt::WindowShortcut);
    m_replayFirst = make("F&irst epoch", "Show the replayed run at its first epoch", {QKeySequence(Qt::Key_Home)},
                         Qt::WindowShortcut);
    m_replayLast = make("&Last epoch", "Show the replayed run at its last epoch", {QKeySequence(Qt::Key_End)},
                        Qt::WindowShortcut);
    updateEnabled();
}

QAction* WindowActions::make(const QString& text, const QString& tip, const QList<QKeySequence>& keys,
                             Qt::ShortcutContext context) {
    auto* action = new QAction(text, this);
    action->setShortcuts(keys);
    action->setShortcutContext(context);
    QString toolTip = tip;
    if (!keys.isEmpty()) toolTip += " (" + keys.first().toString(QKeySequence::NativeText) + ")";
    action->setToolTip(toolTip);
    action->setStatusTip(tip);
    // On the window itself, so that the shortcuts work with the menu bar hidden.
    m_window->addAction(action);
    return action;
}

void WindowActions::setRunState(TrainingController::State state) {
    m_state = state;
    updateEnabled();
}

void WindowActions::setEscapeTaken(bool taken) {
    QList<QKeySequence> keys{QKeySequence(Qt::Key_MediaStop)};
    if (!taken) keys.prepend(QKeySequence(Qt::Key_Escape));
    m_stop->setShortcuts(keys);
}

void WindowActions::setReplay(bool active, bool playing) {
    m_replayActive = active;
    m_replayPlaying = playing;
    updateEnabled();
}

void WindowActions::setSingleRunsAllowed(bool allowed) {
    m_singleRunsAllowed = allowed;
    updateEnabled();
}

void WindowActions::updateEnabled() {
    using State = TrainingController::State;
    const bool idle = m_state == State::Idle;
    m_start->setEnabled(idle && m_singleRunsAllowed);
    // A replay is shown only while no run trains.
    const bool replaying = m_replayActive && idle;
    m_pause->setEnabled(m_state == State::Running || m_state == State::Paused || replaying);
    m_pause->setText(m_state == State::Paused || (replaying && !m_replayPlaying) ? "&Resume" : "&Pause");
    m_step->setEnabled(m_state == State::Paused);
    m_stop->setEnabled((!idle && m_state != State::Stopping) || replaying);
    m_stop->setText(replaying ? "End rep&lay" : "St&op");
    for (QAction* action : {m_replayFaster, m_replaySlower, m_replayForward, m_replayBack, m_replayFirst, m_replayLast})
        action->setEnabled(replaying);
}

void WindowActions::fillMenus(QMenuBar* menus, const QList<QAction*>& panels) const {
    QMenu* file = menus->addMenu("&File");
    file->addAction(m_exportSet);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* run = menus->addMenu("&Run");
    run->addAction(m_start);
    run->addAction(m_pause);
    run->addAction(m_step);
    run->addAction(m_stop);
    run->addSeparator();
    run->addAction(m_sweep);
    run->addSeparator();
    run->addAction(m_replay);
    QMenu* replay = run->addMenu("Replay &controls");
    for (QAction* action : {m_replayFaster, m_replaySlower, m_replayForward, m_replayBack, m_replayFirst, m_replayLast})
        replay->addAction(action);

    QMenu* view = menus->addMenu("&View");
    view->addAction(m_presentation);
    view->addAction(m_dark);
    view->addAction(m_chartsOnly);
    view->addSeparator();
    for (QAction* panel : panels) view->addAction(panel);
}

void WindowActions::fillToolbar(QToolBar* toolbar) const {
    toolbar->addSeparator();
    toolbar->addAction(m_sweep);
    toolbar->addAction(m_exportSet);
    toolbar->addSeparator();
    toolbar->addAction(m_presentation);
    toolbar->addAction(m_dark);
}

}  // namespace shatter
