#include "experiment/experiment_panel.h"

#include <cmath>
#include <exception>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolTip>
#include <QVBoxLayout>

#include "common/app_settings.h"
#include "corruption/corruption_level.h"
#include "corruption/corruption_mode.h"
#include "experiment/strict_spin_box.h"
#include "model/model_catalog.h"
#include "model/parameter_count.h"
#include "run/settings_diff.h"
#include "train/compute_device.h"

namespace shatter {

namespace {

const char* kBuiltIn = "builtin";

using StrictDoubleBox = StrictSpinBox<QDoubleSpinBox>;
using StrictIntBox = StrictSpinBox<QSpinBox>;

StrictDoubleBox* doubleSpin(const QString& name, double low, double high, int decimals,
                            double step) {
    auto* spin = new StrictDoubleBox(name);
    spin->setDecimals(decimals);
    spin->setRange(low, high);
    spin->setSingleStep(step);
    return spin;
}

StrictIntBox* intSpin(const QString& name, int low, int high, int step = 1) {
    auto* spin = new StrictIntBox(name);
    spin->setRange(low, high);
    spin->setSingleStep(step);
    return spin;
}

}  // namespace

ExperimentPanel::ExperimentPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(buildData());
    layout->addWidget(buildModel());
    layout->addWidget(buildCorruption());
    layout->addWidget(buildRegularizers());
    layout->addWidget(buildOptimizer());
    layout->addWidget(buildRun());
    m_notice = new QLabel;
    m_notice->setObjectName("panelNotice");
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet("QLabel { color: #b3261e; }");
    m_notice->setVisible(false);
    layout->addWidget(m_notice);
    layout->addStretch(1);
    setConfig(RunConfig{});
}

template <typename Box>
Box* ExperimentPanel::strict(Box* box) {
    box->onRefused = [this, box](const QString& message) {
        showNotice(message);
        QToolTip::showText(box->mapToGlobal(QPoint(0, box->height())), message, box);
    };
    return box;
}

void ExperimentPanel::showNotice(const QString& message) {
    m_notice->setText(message);
    m_notice->setVisible(!message.isEmpty());
}

QString ExperimentPanel::notice() const { return m_notice->text(); }

void ExperimentPanel::changed() {
    if (m_filling) return;
    showNotice({});
    Q_EMIT edited();
}

QGroupBox* ExperimentPanel::buildData() {
    auto* box = new QGroupBox("Data");
    auto* form = new QFormLayout(box);
    m_dataset = new QComboBox;
    m_dataset->addItem("Fashion-MNIST (built-in)", kBuiltIn);
    m_dataset->addItem("CIFAR-10 folder", "cifar10");
    m_dataset->addItem("MNIST-format folder", "mnist");
    m_dataset->addItem("Fashion-MNIST folder", "fashion-mnist");
    m_dataset->addItem("Image folder (train/, test/)", "folder");
    form->addRow("Dataset", m_dataset);

    m_folder = new QLineEdit;
    m_folder->setReadOnly(true);
    m_folder->setPlaceholderText("choose a folder…");
    m_browse = new QPushButton("Open…");
    m_browse->setToolTip("Choose the folder that holds the dataset");
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    form->addRow("Folder", folderRow);
    m_getCifar = new QPushButton("Get CIFAR-10…");
    m_getCifar->setToolTip("Download the official CIFAR-10 binary archive (163 MB)");
    form->addRow("", m_getCifar);

    // Up to the engine's limit; the dataset's size is checked when the run starts.
    m_trainSize = strict(intSpin("Training images", 0, int(RunConfig::kMaxExamples), 500));
    m_trainSize->setSpecialValueText("all");
    m_trainSize->setGroupSeparatorShown(true);
    form->addRow("Training images", m_trainSize);
    m_testSize = strict(intSpin("Test images", 0, int(RunConfig::kMaxExamples), 500));
    m_testSize->setSpecialValueText("all");
    m_testSize->setGroupSeparatorShown(true);
    form->addRow("Test images", m_testSize);

    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this]() {
        const QString kind = datasetKind();
        m_folder->setText(kind == kBuiltIn ? QString() : rememberedFolder(kind));
        updateDatasetRow();
        Q_EMIT datasetChanged(datasetSpec());
        changed();
    });
    connect(m_browse, &QPushButton::clicked, this, &ExperimentPanel::browseFolder);
    connect(m_trainSize, &QSpinBox::valueChanged, this, &ExperimentPanel::updateReadouts);
    for (QSpinBox* size : {m_trainSize, m_testSize})
        connect(size, &QSpinBox::valueChanged, this, &ExperimentPanel::changed);
    return box;
}

QGroupBox* ExperimentPanel::buildModel() {
    auto* box = new QGroupBox("Model");
    auto* layout = new QVBoxLayout(box);
    m_model = new QComboBox;
    for (const ModelInfo& info : modelCatalog()) m_model->addItem(info.title, QString(info.key));
    layout->addWidget(m_model);
    m_parameters = new QLabel;
    m_parameters->setWordWrap(true);
    layout->addWidget(m_parameters);
    connect(m_model, &QComboBox::currentIndexChanged, this, [this]() {
        updateReadouts();
        changed();
    });
    return box;
}

QGroupBox* ExperimentPanel::buildCorruption() {
    auto* box = new QGroupBox("Corruption");
    auto* layout = new QVBoxLayout(box);
    m_corruption = new QButtonGroup(this);
    for (const CorruptionModeInfo& info : corruptionModes()) {
        auto* radio = new QRadioButton(info.title);
        radio->setToolTip(info.explanation);
        m_corruption->addButton(radio, int(info.mode));
        layout->addWidget(radio);
    }
    m_corruptionExplanation = new QLabel;
    m_corruptionExplanation->setWordWrap(true);
    QFont italic = m_corruptionExplanation->font();
    italic.setItalic(true);
    m_corruptionExplanation->setFont(italic);
    layout->addWidget(m_corruptionExplanation);

    m_level = new QSlider(Qt::Horizontal);
    m_level->setRange(0, 100);
    m_level->setSingleStep(5);
    m_level->setPageStep(10);
    m_level->setTickInterval(10);
    m_level->setTickPosition(QSlider::TicksBelow);
    m_levelValue = new QLabel;
    m_levelValue->setMinimumWidth(fontMetrics().horizontalAdvance("100 %") + 4);
    auto* levelRow = new QHBoxLayout;
    levelRow->addWidget(new QLabel("Level"));
    levelRow->addWidget(m_level, 1);
    levelRow->addWidget(m_levelValue);
    layout->addLayout(levelRow);
    m_levelReadout = new QLabel;
    m_levelReadout->setWordWrap(true);
    layout->addWidget(m_levelReadout);

    connect(m_corruption, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked) return;
        updateReadouts();
        changed();
    });
    connect(m_level, &QSlider::valueChanged, this, [this]() {
        updateReadouts();
        changed();
    });
    return box;
}

QGroupBox* ExperimentPanel::buildRegularizers() {
    auto* box = new QGroupBox("Regularizers");
    auto* form = new QFormLayout(box);
    m_weightDecay = strict(doubleSpin("Weight decay", 0.0, 1.0, 6, 0.0001));
    m_weightDecay->setToolTip("ℓ2 penalty on the weights (the paper used it in Table 1)");
    form->addRow("Weight decay", m_weightDecay);
    m_dropout = strict(doubleSpin("Dropout", 0.0, 0.99, 2, 0.1));
    form->addRow("Dropout", m_dropout);
    m_randomCrop = new QCheckBox("Random crop (augmentation)");
    form->addRow("", m_randomCrop);
    for (QDoubleSpinBox* spin : {m_weightDecay, m_dropout})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ExperimentPanel::changed);
    connect(m_randomCrop, &QCheckBox::toggled, this, &ExperimentPanel::changed);
    return box;
}

QGroupBox* ExperimentPanel::buildOptimizer() {
    auto* box = new QGroupBox("Optimizer (SGD)");
    auto* form = new QFormLayout(box);
    // The engine takes any rate below 100: large ones are how divergence is shown.
    m_learningRate = strict(doubleSpin("Learning rate", 0.000001, 99.99, 6, 0.001));
    m_learningRate->setToolTip("From 0.000001 to 99.99; can be changed while a run is going");
    form->addRow("Learning rate", m_learningRate);
    m_lrDecay = strict(doubleSpin("Decay / epoch", 0.001, 1.0, 3, 0.01));
    m_lrDecay->setToolTip("Multiplied into the learning rate after every epoch");
    form->addRow("Decay / epoch", m_lrDecay);
    m_momentum = strict(doubleSpin("Momentum", 0.0, 0.99, 2, 0.05));
    form->addRow("Momentum", m_momentum);
    // Up to the engine's limit; at most the training images, checked when the run starts.
    m_batchSize = strict(intSpin("Batch size", 1, int(RunConfig::kMaxBatchSize)));
    form->addRow("Batch size", m_batchSize);
    m_epochs = strict(intSpin("Epochs", 1, int(RunConfig::kMaxEpochs)));
    form->addRow("Epochs", m_epochs);
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_running) Q_EMIT learningRateChanged(value);
    });
    for (QDoubleSpinBox* spin : {m_learningRate, m_lrDecay, m_momentum})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ExperimentPanel::changed);
    for (QSpinBox* spin : {m_batchSize, m_epochs})
        connect(spin, &QSpinBox::valueChanged, this, &ExperimentPanel::changed);
    return box;
}

QGroupBox* ExperimentPanel::buildRun() {
    auto* box = new QGroupBox("Run");
    auto* form = new QFormLayout(box);
    m_seed = strict(intSpin("Seed", 0, 2147483647));
    form->addRow("Seed", m_seed);
    m_device = new QComboBox;
    m_device->addItem("Auto", "auto");
    m_device->addItem("CPU", "cpu");
    const bool cuda = ComputeDevice::cudaAvailable();
    m_device->addItem(cuda ? "GPU (CUDA)" : "GPU (none found)", "cuda");
    if (!cuda) {
        if (auto* model = qobject_cast<QStandardItemModel*>(m_device->model())) {
            model->item(2)->setEnabled(false);
        }
    }
    m_device->setToolTip(cuda ? "A CUDA GPU is available" : "No CUDA GPU found: runs use the CPU");
    form->addRow("Device", m_device);
    m_stopWhenFit = new QCheckBox("Stop once the training set is fitted");
    form->addRow("", m_stopWhenFit);
    connect(m_seed, &QSpinBox::valueChanged, this, &ExperimentPanel::changed);
    connect(m_device, &QComboBox::currentIndexChanged, this, &ExperimentPanel::changed);
    connect(m_stopWhenFit, &QCheckBox::toggled, this, &ExperimentPanel::changed);
    return box;
}

QString ExperimentPanel::datasetKind() const { return m_dataset->currentData().toString(); }

QString ExperimentPanel::datasetSpec() const {
    const QString kind = datasetKind();
    if (kind == kBuiltIn) return "fashion-mnist";
    return kind + ":" + m_folder->text();
}

void ExperimentPanel::updateDatasetRow() {
    const bool builtIn = datasetKind() == kBuiltIn;
    m_folder->setEnabled(!builtIn && !m_running);
    m_browse->setEnabled(!builtIn && !m_running);
    m_getCifar->setVisible(datasetKind() == "cifar10");
    m_getCifar->setEnabled(!m_running);
    updateReadouts();
}

void ExperimentPanel::browseFolder() {
    const QString kind = datasetKind();
    const QString folder = QFileDialog::getExistingDirectory(
        this, "Choose the dataset folder", m_folder->text().isEmpty() ? QDir::homePath() : m_folder->text());
    if (folder.isEmpty()) return;
    m_folder->setText(folder);
    rememberFolder(kind, folder);
    Q_EMIT datasetChanged(datasetSpec());
    changed();
}

QString ExperimentPanel::rememberedFolder(const QString& kind) {
    return AppSettings::datasetFolder(kind);
}

void ExperimentPanel::rememberFolder(const QString& kind, const QString& folder) {
    AppSettings::setDatasetFolder(kind, folder);
}

void ExperimentPanel::setFullTrainSize(int size) {
    m_fullTrainSize = size;
    updateReadouts();
}

int ExperimentPanel::trainImages() const {
    const int chosen = m_trainSize->value();
    return chosen == 0 ? m_fullTrainSize : std::min(chosen, m_fullTrainSize > 0 ? m_fullTrainSize : chosen);
}

void ExperimentPanel::updateReadouts() {
    const QLocale locale;
    const int images = trainImages();
    // Parameter count for this data's shape: grayscale for (Fashion-)MNIST, colour otherwise.
    const QString kind = datasetKind();
    const int channels = (kind == kBuiltIn || kind == "mnist" || kind == "fashion-mnist") ? 1 : 3;
    const std::string key = m_model->currentData().toString().toStdString() + "/" +
                            std::to_string(channels);
    auto found = m_parameterCache.find(key);
    if (found == m_parameterCache.end()) {
        try {
            found = m_parameterCache
                        .emplace(key, parameterCount(m_model->currentData().toString().toStdString(),
                                                     channels, 10))
                        .first;
        } catch (const std::exception&) {
            found = m_parameterCache.emplace(key, 0).first;
        }
    }
    const std::int64_t parameters = found->second;
    if (parameters > 0 && images > 0) {
        m_parameters->setText(QString("<b>%1</b> parameters vs <b>%2</b> training images: "
                                      "%3 parameters per image")
                                  .arg(locale.toString(qlonglong(parameters)))
                                  .arg(locale.toString(images))
                                  .arg(locale.toString(double(parameters) / images, 'f', 0)));
    } else {
        m_parameters->setText(QString("%1 parameters").arg(locale.toString(qlonglong(parameters))));
    }

    const int level = m_level->value();
    m_levelValue->setText(QString("%1 %").arg(level));
    const auto mode = CorruptionMode(m_corruption->checkedId() < 0 ? 0 : m_corruption->checkedId());
    m_corruptionExplanation->setText(corruptionModeInfo(mode).explanation);
    m_level->setEnabled(!m_running && mode != CorruptionMode::None);
    const qlonglong affected = std::llround(images * level / 100.0);
    QString readout;
    switch (mode) {
        case CorruptionMode::None: readout = "Every label is the true one."; break;
        case CorruptionMode::Labels:
            readout = QString("→ %1 of %2 labels redrawn at random (about %3 end up wrong)")
                          .arg(locale.toString(affected))
                          .arg(locale.toString(images))
                          .arg(locale.toString(qlonglong(std::llround(affected * 0.9))));
            break;
        default:
            readout = QString("→ %1 of %2 training images replaced")
                          .arg(locale.toString(affected))
                          .arg(locale.toString(images));
            break;
    }
    m_levelReadout->setText(readout);
}

RunConfig ExperimentPanel::config() const {
    RunConfig config = m_base;
    config.dataset = datasetSpec().toStdString();
    config.trainSize = m_trainSize->value();
    config.testSize = m_testSize->value();
    config.model = m_model->currentData().toString().toStdString();
    config.corruption = CorruptionMode(std::max(0, m_corruption->checkedId()));
    config.level = m_level->value() / 100.0;
    config.weightDecay = m_weightDecay->value();
    config.dropout = m_dropout->value();
    config.randomCrop = m_randomCrop->isChecked();
    config.learningRate = m_learningRate->value();
    config.lrDecay = m_lrDecay->value();
    config.momentum = m_momentum->value();
    config.batchSize = m_batchSize->value();
    config.epochs = m_epochs->value();
    config.seed = std::uint64_t(m_seed->value());
    config.device = m_device->currentData().toString().toStdString();
    config.stopWhenFit = m_stopWhenFit->isChecked();
    return config;
}

void ExperimentPanel::setConfig(const RunConfig& config) {
    m_base = config;
    m_filling = true;
    const QString spec = QString::fromStdString(config.dataset);
    const int colon = spec.indexOf(':');
    const QString kind = colon < 0 ? QString(kBuiltIn) : spec.left(colon);
    const QString folder = colon < 0 ? QString() : spec.mid(colon + 1);
    {
        const QSignalBlocker block(m_dataset);
        const int at = m_dataset->findData(kind);
        m_dataset->setCurrentIndex(at < 0 ? 0 : at);
        m_folder->setText(folder);
    }
    m_trainSize->setValue(int(config.trainSize));
    m_testSize->setValue(int(config.testSize));
    {
        const QSignalBlocker block(m_model);
        m_model->setCurrentIndex(std::max(0, m_model->findData(QString::fromStdString(config.model))));
    }
    if (QAbstractButton* button = m_corruption->button(int(config.corruption))) {
        const QSignalBlocker block(m_corruption);
        button->setChecked(true);
    }
    {
        const QSignalBlocker block(m_level);
        m_level->setValue(levelPercent(config.level));
    }
    m_weightDecay->setValue(config.weightDecay);
    m_dropout->setValue(config.dropout);
    m_randomCrop->setChecked(config.randomCrop);
    {
        const QSignalBlocker block(m_learningRate);
        m_learningRate->setValue(config.effectiveLearningRate());
    }
    m_lrDecay->setValue(config.lrDecay);
    m_momentum->setValue(config.momentum);
    m_batchSize->setValue(config.batchSize);
    m_epochs->setValue(config.epochs);
    m_seed->setValue(int(config.seed));
    m_device->setCurrentIndex(std::max(0, m_device->findData(QString::fromStdString(config.device))));
    m_stopWhenFit->setChecked(config.stopWhenFit);
    m_filling = false;
    updateDatasetRow();
    // A value the form cannot hold (a seed beyond its range, say) is said, not hidden.
    const std::vector<std::string> differing = SettingsDiff::differing({config, this->config()});
    QStringList keys;
    for (const std::string& key : differing) keys << QString::fromStdString(key);
    showNotice(keys.isEmpty()
                   ? QString()
                   : "Not every setting fits the form; changed to fit: " + keys.join(", ") + ".");
    Q_EMIT datasetChanged(datasetSpec());
    Q_EMIT edited();
}

void ExperimentPanel::setRunning(bool running) {
    m_running = running;
    for (QWidget* widget : std::initializer_list<QWidget*>{
             m_dataset, m_trainSize, m_testSize, m_model, m_weightDecay, m_dropout, m_randomCrop,
             m_lrDecay, m_momentum, m_batchSize, m_epochs, m_seed, m_device, m_stopWhenFit}) {
        widget->setEnabled(!running);
    }
    for (QAbstractButton* button : m_corruption->buttons()) button->setEnabled(!running);
    m_learningRate->setEnabled(true);
    updateDatasetRow();
}

}  // namespace shatter
