#pragma once

#include <QMainWindow>

#include "training_controller.h"

class QLabel;
class QTabWidget;

namespace shatter {

class CifarDownloadDialog;
class CompareView;
class CorruptionPreview;
class ExperimentPanel;
class LiveView;
class RunListPanel;
class SampleGallery;
class StatusBar;
class TransportBar;

// Assembles the panels and wires them to the training controller; the panels do the rest.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Fills the panel from a preset; false when there is none by that name.
    bool applyPreset(const QString& title);
    void startRun();
    void togglePause();
    // Opens the "Get CIFAR-10…" download; on success the panel switches to the new folder.
    CifarDownloadDialog* getCifar();

    TrainingController* controller() const { return m_controller; }
    ExperimentPanel* experimentPanel() const { return m_panel; }
    TransportBar* transportBar() const { return m_transport; }
    LiveView* liveView() const { return m_live; }
    SampleGallery* sampleGallery() const { return m_gallery; }
    CorruptionPreview* corruptionPreview() const { return m_preview; }
    StatusBar* runStatusBar() const { return m_status; }
    QTabWidget* lowerTabs() const { return m_tabs; }
    // "Live" and "Compare".
    QTabWidget* viewTabs() const { return m_views; }
    RunListPanel* runList() const { return m_runs; }
    CompareView* compareView() const { return m_compare; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void wire();
    void showError(const QString& message);
    void restoreSettings();
    void saveSettings() const;
    void onStateChanged(TrainingController::State state);

    TrainingController* m_controller;
    TransportBar* m_transport;
    ExperimentPanel* m_panel;
    LiveView* m_live;
    SampleGallery* m_gallery;
    CorruptionPreview* m_preview;
    StatusBar* m_status;
    QTabWidget* m_tabs;
    QTabWidget* m_views;
    RunListPanel* m_runs;
    CompareView* m_compare;
    QLabel* m_presetDescription;
    QString m_previewSpec;
};

}  // namespace shatter
