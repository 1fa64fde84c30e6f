#include "lecture/lecture_menu.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QWidget>

#include "lecture/lecture_library.h"

namespace shatter {

namespace {

QAction* windowAction(QWidget* window, QObject* parent, const QString& text, const QList<QKeySequence>& keys) {
    auto* action = new QAction(text, parent);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setEnabled(false);
    window->addAction(action);  // on the window itself: works with the menu bar hidden
    return action;
}

}  // namespace

LectureMenu::LectureMenu(QWidget* window, QMenuBar* menus) : QObject(window), m_window(window) {
    m_menu = menus->addMenu("&Lecture");
    m_next = windowAction(window, this, "&Next step",
                          {QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_Down)});
    m_back = windowAction(window, this, "&Previous step",
                          {QKeySequence(Qt::Key_PageUp), QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Up)});
    m_end = new QAction("&End lecture", this);
    m_end->setEnabled(false);
    m_end->setShortcutContext(Qt::WindowShortcut);
    window->addAction(m_end);
    m_openFile = new QAction("&Open lecture file…", this);
    m_openFile->setStatusTip("Open a lecture written as a JSON file");
    fill();
    connect(m_menu, &QMenu::aboutToShow, this, &LectureMenu::fill);
}

void LectureMenu::fill() {
    m_menu->clear();
    bool userSection = false;
    for (const LectureListing& listing : LectureLibrary::list()) {
        if (!listing.builtIn && !userSection) {
            m_menu->addSection("Your lectures");  // each item's status tip says where it is
            userSection = true;
        }
        QAction* item = m_menu->addAction(listing.title);
        item->setStatusTip(listing.path);
        connect(item, &QAction::triggered, this, [this, path = listing.path]() { Q_EMIT lectureChosen(path); });
    }
    m_menu->addAction(m_openFile);
    m_menu->addSeparator();
    m_menu->addAction(m_next);
    m_menu->addAction(m_back);
    m_menu->addAction(m_end);
}

void LectureMenu::setLectureState(bool open, bool training) {
    m_next->setEnabled(open);
    m_back->setEnabled(open);
    m_end->setEnabled(open);
    // Esc belongs to Stop while a run trains; two actions on one key would both be dead.
    const bool escEnds = open && !training;
    m_end->setShortcut(escEnds ? QKeySequence(Qt::Key_Escape) : QKeySequence());
}

}  // namespace shatter
