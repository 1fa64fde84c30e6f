#include "lecture/lecture_banner.h"

#include <QApplication>
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

    // Title, where the lecture is and the buttons on one line; caption; what to look at, with
    // what the step shows in small type at the right.
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title, 1);
    top->addWidget(m_progress);
    top->addSpacing(6);
    top->addWidget(m_back);
    top->addWidget(m_next);
    top->addWidget(m_end);
    auto* bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addWidget(m_lookAt, 1);
    bottom->addWidget(m_status);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 4, 12, 4);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_caption);
    layout->addLayout(bottom);

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
    m_progress->setToolTip(QString::fromStdString(lecture.title));
    m_back->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < int(lecture.steps.size()));
    m_status->clear();
}

void LectureBanner::setStatus(const QString& status) {
    m_status->setText(status);
    m_status->setToolTip(status);
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
    // there, so that the charts keep their room on a 1024×768 projector.
    const bool large = theme.presentation;
    m_title->setFont(scaled(large ? 1.3 : 1.7, true));
    m_caption->setFont(scaled(large ? 1.05 : 1.25, false));
    m_lookAt->setFont(scaled(large ? 1.0 : 1.15, true));
    m_status->setFont(scaled(0.85, false));
    const QColor accent = theme.adapt(theme.paletteColour(0));
    const QColor background = theme.dark ? QColor(38, 42, 50) : QColor(236, 241, 248);
    setStyleSheet(QString("QWidget#lectureBanner { background: %1; border-bottom: 2px solid %2; }"
                          "QLabel#lectureLookAt { color: %2; }")
                      .arg(background.name(), accent.name()));
}

}  // namespace shatter
