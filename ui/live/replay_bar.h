#pragma once

#include <QWidget>

#include "replay/replay_timeline.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;

namespace shatter {

class RunReplay;

// The strip shown while a stored run is replayed: which run, play/pause, the speed, a slider
// over its epochs with "epoch k / N", the time left and a button that ends the replay. Its
// controls take no keyboard focus: the window's keys ([ ] , . Home End, Pause, Esc) drive the
// replay wherever the focus is.
class ReplayBar : public QWidget {
    Q_OBJECT

public:
    explicit ReplayBar(RunReplay* replay, QWidget* parent = nullptr);

    QPushButton* playButton() const { return m_play; }
    QComboBox* speedBox() const { return m_speed; }
    QSlider* slider() const { return m_slider; }
    QLabel* positionLabel() const { return m_position; }
    QLabel* titleLabel() const { return m_title; }
    QPushButton* closeButton() const { return m_close; }

    // "1×", "2×", "10×", …
    static QString speedText(double speed);
    // What 1× means for a run whose time line has this pace.
    static QString paceText(ReplayTimeline::Pace pace);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    void showTitle();

    RunReplay* m_replay;
    QLabel* m_title;
    QPushButton* m_play;
    QComboBox* m_speed;
    QSlider* m_slider;
    QLabel* m_position;
    QLabel* m_left;
    QPushButton* m_close;
};

}  // namespace shatter
