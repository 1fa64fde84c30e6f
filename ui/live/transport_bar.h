#pragma once

#include <QStringList>
#include <QWidget>

#include "live/training_controller.h"
#include "live/training_types.h"
#include "train/epoch_pace.h"

class QComboBox;
class QPushButton;

namespace shatter {

// Start, Pause/Resume, Step and Stop, the preset chooser and the pace. The buttons follow the
// controller's state (Step only while paused); Space (start or pause/resume) and Esc (stop) are
// wired by the main window. The pace can be changed at any moment, also mid-run.
class TransportBar : public QWidget {
    Q_OBJECT

public:
    explicit TransportBar(QWidget* parent = nullptr);

    void setPresets(const QStringList& names);
    // An empty name, or one not in the list, shows "custom settings".
    void setCurrentPreset(const QString& name);
    // Empty for custom settings.
    QString currentPreset() const;
    void setState(TrainingController::State state);
    // Shows `pace` (adding it to the choices when it is not one of them); emits nothing.
    void setPace(const EpochPace& pace);
    EpochPace pace() const;

    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stepButton() const { return m_step; }
    QPushButton* stopButton() const { return m_stop; }
    QComboBox* presetBox() const { return m_preset; }
    QComboBox* paceBox() const { return m_pace; }

    // What the preset box shows when the settings match no preset.
    static QString customSettingsText();

Q_SIGNALS:
    void startRequested();
    void pauseToggled(bool paused);
    void stepRequested();
    void stopRequested();
    void presetChosen(const QString& name);
    void paceChosen(const shatter::EpochPace& pace);

private:
    int addPace(const EpochPace& pace);

    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_step;
    QPushButton* m_stop;
    QComboBox* m_preset;
    QComboBox* m_pace;
};

}  // namespace shatter
