#pragma once

#include <QObject>
#include <QPointer>
#include <QRect>
#include <QVector>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace shatter {

// Where the main window's panels go, so that it fits any screen from a 1024×768 projector up:
// the experiment panel, RUNS and the samples (gallery and corruption preview) are docks, hidden,
// moved or tabbed as the user likes. On a wide screen the experiment panel starts on the left,
// RUNS on the right and the samples under the charts; a narrow screen tabs RUNS with the
// experiment panel, a short one the samples too, so the charts keep their height. Presentation
// mode hides the docks so the charts grow, "full-screen charts" leaves only the curves, and a
// restored geometry is fitted into the screen it lands on.
class WindowLayout : public QObject {
    Q_OBJECT

public:
    // Screens narrower than this start with the two docks tabbed together.
    static constexpr int kWideScreen = 1400;
    // Screens shorter than this start with the samples tabbed with the experiment panel.
    static constexpr int kTallScreen = 900;

    struct Docks {
        QDockWidget* experiment;
        QDockWidget* runs;
        QDockWidget* samples;
    };
    // `chrome`: what full-screen charts hide besides the docks (tool bar, status bar, menu bar,
    // the preset banner).
    WindowLayout(QMainWindow* window, Docks docks, QVector<QWidget*> chrome);

    // The arrangement for a screen with this much room, before any saved state is restored.
    void arrangeFor(const QRect& available);
    // Presentation mode on: the docks hide (their visibility comes back when it goes off).
    void setPresentation(bool on);
    // The window opens in the presentation mode it was left in. `layoutRestored`: the saved
    // arrangement (docks hidden or not) was restored and stands; without one, the docks hide as
    // if the mode had just been turned on. Either way, turning the mode off shows the docks.
    void resumePresentation(bool layoutRestored);
    void setChartsOnly(bool on);
    bool chartsOnly() const { return m_chartsOnly; }
    // Moves and shrinks the window so that its frame lies within its screen's free area.
    void fitIntoScreen();

    // `frame` moved, then shrunk where it must, to lie within `available`.
    static QRect fitted(const QRect& frame, const QRect& available);

private:
    struct Shown {
        QPointer<QWidget> widget;
        bool visible = true;
    };
    QVector<Shown> remember(const QVector<QWidget*>& widgets) const;
    static void restore(const QVector<Shown>& shown);

    QMainWindow* m_window;
    Docks m_docks;
    QVector<QWidget*> docks() const;
    QVector<QWidget*> m_chrome;
    bool m_presentation = false;
    QVector<Shown> m_beforePresentation;
    bool m_chartsOnly = false;
    QVector<Shown> m_beforeChartsOnly;
    Qt::WindowStates m_statesBeforeChartsOnly;
};

}  // namespace shatter
