#pragma once

#include <QObject>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace shatter {

// The Lecture menu and the keys that walk a lecture. The menu lists the built-in lectures and
// those in the user's lectures folder (read again each time it opens) and "Open lecture
// file…". Next step (Page Down, →, ↓), Previous step (Page Up, ←, ↑) and End lecture (Esc)
// are window shortcuts, so that a presenter's remote works with the focus anywhere and with
// the menu bar hidden; they are active only while a lecture is open, and Esc only while no run
// is training (Esc then stops the run, as always).
class LectureMenu : public QObject {
    Q_OBJECT

public:
    LectureMenu(QWidget* window, QMenuBar* menus);

    // Enables the step keys while a lecture is open; Esc ends it only while `training` is false.
    void setLectureState(bool open, bool training);

    QMenu* menu() const { return m_menu; }
    QAction* next() const { return m_next; }
    QAction* back() const { return m_back; }
    QAction* end() const { return m_end; }
    QAction* openFile() const { return m_openFile; }

Q_SIGNALS:
    // A listed lecture was chosen: its path (":/lectures/…" for a built-in one).
    void lectureChosen(const QString& path);

private:
    void fill();

    QWidget* m_window;
    QMenu* m_menu;
    QAction* m_next;
    QAction* m_back;
    QAction* m_end;
    QAction* m_openFile;
};

}  // namespace shatter
