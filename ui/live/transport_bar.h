#pragma once

#include <QStringList>
#include <QWidget>

#include "live/training_controller.h"

class QComboBox;
class QPushButton;

namespace shatter {

// Start, Pause/Resume and Stop, and the preset chooser. The buttons follow the controller's
// state; Space (start or pause/resume) and Esc (stop) are wired by the main window.
class TransportBar : public QWidget {
    Q_OBJECT

public:
    explicit TransportBar(QWidget* parent = nullptr);

    void setPresets(const QStringList& names);
    void setCurrentPreset(const QString& name);
    QString currentPreset() const;
    void setState(TrainingController::State state);

    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stopButton() const { return m_stop; }
    QComboBox* presetBox() const { return m_preset; }

Q_SIGNALS:
    void startRequested();
    void pauseToggled(bool paused);
    void stopRequested();
    void presetChosen(const QString& name);

private:
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_stop;
    QComboBox* m_preset;
};

}  // namespace shatter
