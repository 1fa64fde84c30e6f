#pragma once

#include <map>
#include <string>

#include <QWidget>

#include "train/run_config.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

namespace shatter {

// The settings of the next run: data, model (with its parameter count next to the number of
// training images), corruption mode and level (with how many labels or images it will change),
// regularizers, optimizer, seed and device. While a run is active everything is locked except
// the learning rate, which changes the running trainer live. A number typed outside a field's
// limits is never changed silently: the field keeps its value and the panel says why, naming
// the setting and its limits.
class ExperimentPanel : public QWidget {
    Q_OBJECT

public:
    explicit ExperimentPanel(QWidget* parent = nullptr);

    RunConfig config() const;
    void setConfig(const RunConfig& config);
    void setRunning(bool running);
    // The size of the loaded training split, for the "all" choice and the level readout.
    void setFullTrainSize(int size);

    // The data folder chosen for a kind is remembered between launches.
    static QString rememberedFolder(const QString& kind);
    static void rememberFolder(const QString& kind, const QString& folder);

    QString datasetSpec() const;
    QPushButton* getCifarButton() const { return m_getCifar; }
    QSlider* levelSlider() const { return m_level; }
    QLabel* levelReadout() const { return m_levelReadout; }
    QLabel* parameterReadout() const { return m_parameters; }
    QDoubleSpinBox* learningRateBox() const { return m_learningRate; }
    QSpinBox* batchSizeBox() const { return m_batchSize; }
    // The last refusal of a typed number ("Learning rate: 5000 is not accepted; ..."); empty
    // once a setting has been changed since.
    QString notice() const;

Q_SIGNALS:
    void learningRateChanged(double learningRate);
    void datasetChanged(const QString& spec);
    // The settings changed, by hand or through setConfig() (once per call).
    void edited();

private:
    QGroupBox* buildData();
    QGroupBox* buildModel();
    QGroupBox* buildCorruption();
    QGroupBox* buildRegularizers();
    QGroupBox* buildOptimizer();
    QGroupBox* buildRun();
    void browseFolder();
    void updateDatasetRow();
    void updateReadouts();
    QString datasetKind() const;
    int trainImages() const;
    // Emits edited() unless setConfig() is filling the form.
    void changed();
    void showNotice(const QString& message);
    template <typename Box>
    Box* strict(Box* box);

    RunConfig m_base;  // settings without a widget (name, threads, fit threshold) pass through
    int m_fullTrainSize = 60000;
    bool m_running = false;
    bool m_filling = false;  // inside setConfig()
    mutable std::map<std::string, std::int64_t> m_parameterCache;

    QComboBox* m_dataset = nullptr;
    QLineEdit* m_folder = nullptr;
    QPushButton* m_browse = nullptr;
    QPushButton* m_getCifar = nullptr;
    QSpinBox* m_trainSize = nullptr;
    QSpinBox* m_testSize = nullptr;
    QComboBox* m_model = nullptr;
    QLabel* m_parameters = nullptr;
    QButtonGroup* m_corruption = nullptr;
    QLabel* m_corruptionExplanation = nullptr;
    QSlider* m_level = nullptr;
    QLabel* m_levelValue = nullptr;
    QLabel* m_levelReadout = nullptr;
    QDoubleSpinBox* m_weightDecay = nullptr;
    QDoubleSpinBox* m_dropout = nullptr;
    QCheckBox* m_randomCrop = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QDoubleSpinBox* m_lrDecay = nullptr;
    QDoubleSpinBox* m_momentum = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_device = nullptr;
    QCheckBox* m_stopWhenFit = nullptr;
    QLabel* m_notice = nullptr;
};

}  // namespace shatter
