#pragma once

#include <vector>

#include <QDialog>

#include "figure/animation_settings.h"
#include "figure/figure_data.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QSpinBox;

namespace shatter {

// "Export animation…": asks for the file (MP4 video or looping GIF), frame size, frame rate and
// length, then replays the chart's curves growing epoch by epoch into it (AnimationRenderer, as
// `shatter-cli animate` does) in the current theme, with a progress dialog that can cancel.
class AnimationExportDialog : public QDialog {
    Q_OBJECT

public:
    // One chart, or panels side by side (Figure 1's three); `name` titles the dialog and the file.
    AnimationExportDialog(std::vector<FigureData> panels, const QString& name, QWidget* parent = nullptr);

    void setPath(const QString& path);
    QString path() const;
    AnimationSettings settings() const;
    void setSettings(const AnimationSettings& settings);
    // Writes the file with a progress dialog; false when it failed (shown in a message box naming
    // the file, or given in `error`) or was cancelled (then `cancelled` is set and nothing shown).
    bool exportNow(QString* error = nullptr, bool* cancelled = nullptr);
    // The progress dialog while exportNow writes; null otherwise.
    QProgressDialog* progressDialog() const { return m_progress; }

private:
    void formatChanged();
    void updateFrames();

    std::vector<FigureData> m_panels;
    QComboBox* m_format;
    QLineEdit* m_path;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QSpinBox* m_fps;
    QDoubleSpinBox* m_seconds;
    QLabel* m_frames;
    QProgressDialog* m_progress = nullptr;
};

}  // namespace shatter
