#include "lecture/lecture_banner.h"

#include <QApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/plot_theme.h"

namespace shatter {

LectureBanner::LectureBanner(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel),
      m_caption(new QLabel),
      m_lookAt(new QLabel),
      m_progress(new QLabel),
      m_status(new QLabel),
      m_back(new QPushButton("◀ Back")),
      m_next(new QPushButton("Next ▶")),
      m_end(new QPushButton("End lecture")) {
    setObjectName("lectureBanner");
    setAttribute(Qt::WA_StyledBackground, true);
    m_title->setObjectName("lectureTitle");
    m_caption->setObjectName("lectureCaption");
    m_lookAt->setObjectName("lectureLookAt");
    m_progress->setObjectName("lectureProgress");
    m_status->setObjectName("lectureStatus");
    for (QLabel* label : {m_title, m_caption, m_lookAt}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    // The buttons leave the keyboard where it was: Space and the arrows keep their meaning.
    for (QPushButton* button : {m_back, m_next, m_end}) button->setFocusPolicy(Qt::NoFocus);
    m_back->setToolTip("The previous step (Page Up, ←)");
    m_next->setToolTip("The next step (Page Down, →)");
    m_end->setToolTip("Close the lecture (Esc while no run is training)");

    // Where the lecture is, what the step shows, and the buttons: a row of their own under
    // the texts, or beside the title in presentation mode (applyTheme).
    m_controls = new QWidget;
    auto* row = new QHBoxLayout(m_controls);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_progress);
    row->addSpacing(8);
    row->addWidget(m_status, 1);
    row->addWidget(m_back);
    row->addWidget(m_next);
    row->addWidget(m_end);

    m_layout = new QGridLayout(this);
    m_layout->setContentsMargins(12, 4, 12, 4);
    m_layout->setVerticalSpacing(2);
    m_layout->setColumnStretch(0, 1);
    m_layout->addWidget(m_title, 0, 0, 1, 2);
    m_layout->addWidget(m_caption, 1, 0, 1, 2);
    m_layout->addWidget(m_lookAt, 2, 0, 1, 2);
    m_layout->addWidget(m_controls, 3, 0, 1, 2);

    connect(m_back, &QPushButton::clicked, this, &LectureBanner::backRequested);
    connect(m_next, &QPushButton::clicked, this, &LectureBanner::nextRequested);
    connect(m_end, &QPushButton::clicked, this, &LectureBanner::endRequested);
    applyTheme(PlotTheme::current());
}

void LectureBanner::showStep(const Lecture& lecture, int index) {
    const LectureStep& step = lecture.steps.at(std::size_t(index));
    m_title->setText(QString::fromStdString(step.title));
    m_caption->setText(QString::fromStdString(step.caption));
    m_lookAt->setText(step.lookAt.empty() ? QString() : "→ " + QString::fromStdString(step.lookAt));
    m_progress->setText(QString("Step %1 of %2").arg(index + 1).arg(lecture.steps.size()));
    m_lectureTitle = QString::fromStdString(lecture.title);
    m_progress->setToolTip(m_lectureTitle);
    m_back->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < int(lecture.steps.size()));
    m_status->clear();
}

void LectureBanner::setStatus(const QString& status) {
    m_status->setText(status);
    m_status->setToolTip(status);
    m_progress->setToolTip(m_lectureTitle + "\n" + status);
}

void LectureBanner::applyTheme(const PlotTheme& theme) {
    const QFont base = QApplication::font();
    auto scaled = [&base](double factor, bool bold) {
        QFont font = base;
        font.setPointSizeF(base.pointSizeF() * factor);
        font.setBold(bold);
        return font;
    };
    // The application's font is already larger in presentation mode: the banner grows less
    // there and takes one line fewer (the buttons beside the title, which has the width of the
    // window now that the panels are hidden), so that the charts keep their room on a
    // 1024×768 projector.
    const bool large = theme.presentation;
    m_layout->removeWidget(m_title);
    m_layout->removeWidget(m_controls);
    m_layout->addWidget(m_title, 0, 0, 1, large ? 1 : 2);
    if (large) {
        m_layout->addWidget(m_controls, 0, 1, Qt::AlignVCenter);
    } else {
        m_layout->addWidget(m_controls, 3, 0, 1, 2);
    }
    m_status->setVisible(!large);  // said in the progress label's tooltip instead
    m_title->setFont(scaled(large ? 1.3 : 1.7, true));
    m_caption->setFont(scaled(large ? 1.05 : 1.25, false));
    m_lookAt->setFont(scaled(large ? 1.0 : 1.15, true));
    m_status->setFont(scaled(0.9, false));
    const QColor accent = theme.adapt(theme.paletteColour(0));
    const QColor background = theme.dark ? QColor(38, 42, 50) : QColor(236, 241, 248);
    setStyleSheet(QString("QWidget#lectureBanner { background: %1; border-bottom: 2px solid %2; }"
                          "QLabel#lectureLookAt { color: %2; }")
                      .arg(background.name(), accent.name()));
}

}  // namespace shatter
