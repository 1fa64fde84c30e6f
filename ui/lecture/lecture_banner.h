#pragma once

#include <QWidget>

#include "lecture/lecture.h"

class QGridLayout;
class QLabel;
class QPushButton;

namespace shatter {

struct PlotTheme;

// The band over the charts while a lecture is open: the step's title in large type, its
// caption, the line that says what to look at, "Step k of N" with what the step shows, and
// Back, Next and End. Sized to stay readable on a 1024×768 projector.
class LectureBanner : public QWidget {
    Q_OBJECT

public:
    explicit LectureBanner(QWidget* parent = nullptr);

    void showStep(const Lecture& lecture, int index);
    void setStatus(const QString& status);
    // Type scaled from the application's font (larger in presentation mode), colours from the
    // theme.
    void applyTheme(const PlotTheme& theme);

    QLabel* titleLabel() const { return m_title; }
    QLabel* captionLabel() const { return m_caption; }
    QLabel* lookAtLabel() const { return m_lookAt; }
    QLabel* progressLabel() const { return m_progress; }
    QPushButton* backButton() const { return m_back; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* endButton() const { return m_end; }

Q_SIGNALS:
    void backRequested();
    void nextRequested();
    void endRequested();

private:
    QLabel* m_title;
    QLabel* m_caption;
    QLabel* m_lookAt;
    QLabel* m_progress;
    QLabel* m_status;
    QPushButton* m_back;
    QPushButton* m_next;
    QPushButton* m_end;
    QWidget* m_controls;
    QGridLayout* m_layout;
    QString m_lectureTitle;
};

}  // namespace shatter
