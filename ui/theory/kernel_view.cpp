#include "theory/kernel_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "theory/kernel_bar_chart.h"
#include "theory/theory_controller.h"
#include "theory/theory_format.h"

namespace shatter {

namespace fmt = theory_format;

namespace {

const QStringList kColumns = {"Run",   "kernel", "n",         "σ",      "λ",
                              "train", "test",   "RKHS norm", "seconds"};

QString bandwidthText(const KernelResult& r) {
    if (r.kernel != KernelType::Rbf) return "–";
    return fmt::number(r.bandwidth) + (r.bandwidthFromMedian ? " (median)" : "");
}

}  // namespace

KernelView::KernelView(TheoryController* controller, std::function<RunConfig()> config,
                       QWidget* parent)
    : QWidget(parent), m_controller(controller), m_config(std::move(config)) {
    m_memory = new QLabel;
    m_memory->setWordWrap(true);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setStyleSheet("QLabel { color: #c83c28; }");
    m_runTrue = new QPushButton("Run with true labels");
    m_runRandom = new QPushButton("Run with random labels");
    m_runBoth = new QPushButton("Compare both");
    m_runBoth->setToolTip("Two runs on the same images: true labels, then random labels");
    for (QPushButton* button : {m_runTrue, m_runRandom})
        button->setToolTip("One minimum-norm interpolation on the panel's training images");

    m_table = new QTableWidget(0, int(kColumns.size()));
    m_table->setObjectName("kernelRunsTable");
    m_table->setHorizontalHeaderLabels(kColumns);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_chart = new KernelBarChart;

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_runTrue);
    buttons->addWidget(m_runRandom);
    buttons->addWidget(m_runBoth);
    buttons->addStretch(1);

    auto* results = new QSplitter(Qt::Vertical);
    results->addWidget(m_table);
    results->addWidget(m_chart);
    results->setStretchFactor(0, 1);
    results->setStretchFactor(1, 3);
    results->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildSettings());
    layout->addWidget(m_memory);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(results, 1);

    connect(m_runTrue, &QPushButton::clicked, this, &KernelView::runTrueLabels);
    connect(m_runRandom, &QPushButton::clicked, this, &KernelView::runRandomLabels);
    connect(m_runBoth, &QPushButton::clicked, this, &KernelView::runBoth);
    connect(m_controller, &TheoryController::busyChanged, this, [this](bool busy) {
        for (QPushButton* button : {m_runTrue, m_runRandom, m_runBoth}) button->setEnabled(!busy);
        if (!busy) {
            m_running = false;
            refresh();
        }
    });
    connect(m_controller, &TheoryController::kernelFinished, this, &KernelView::addOutcome);
    connect(m_controller, &TheoryController::failed, this,
            [this](TheoryController::Method method, const QString& message) {
                if (method == TheoryController::Method::Kernel) showError(message);
            });
    refresh();
}

QWidget* KernelView::buildSettings() {
    m_kernel = new QComboBox;
    m_kernel->addItem("Gaussian (RBF)", int(KernelType::Rbf));
    m_kernel->addItem("Linear", int(KernelType::Linear));
    m_autoBandwidth = new QCheckBox("median heuristic");
    m_autoBandwidth->setChecked(true);
    m_autoBandwidth->setToolTip("σ = the median distance between training images");
    m_bandwidth = new QDoubleSpinBox;
    m_bandwidth->setRange(0.01, 1e4);
    m_bandwidth->setDecimals(2);
    m_bandwidth->setValue(40.0);
    m_bandwidth->setEnabled(false);
    m_ridge = new QDoubleSpinBox;
    m_ridge->setRange(0.0, 1e6);
    m_ridge->setDecimals(6);
    m_ridge->setSingleStep(0.001);
    m_ridge->setToolTip("λ added to K's diagonal; 0 interpolates exactly");

    auto* bandwidthRow = new QHBoxLayout;
    bandwidthRow->addWidget(m_autoBandwidth);
    bandwidthRow->addWidget(m_bandwidth);
    bandwidthRow->addStretch(1);
    auto* kernelRow = new QHBoxLayout;
    kernelRow->addWidget(m_kernel);
    kernelRow->addSpacing(16);
    kernelRow->addWidget(new QLabel("ridge λ"));
    kernelRow->addWidget(m_ridge);
    kernelRow->addStretch(1);

    auto* box = new QWidget;
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow("Kernel", kernelRow);
    form->addRow("Bandwidth σ", bandwidthRow);
    auto updateBandwidth = [this]() {
        const bool rbf = m_kernel->currentData().toInt() == int(KernelType::Rbf);
        m_autoBandwidth->setEnabled(rbf);
        m_bandwidth->setEnabled(rbf && !m_autoBandwidth->isChecked());
    };
    connect(m_kernel, qOverload<int>(&QComboBox::currentIndexChanged), this, updateBandwidth);
    connect(m_autoBandwidth, &QCheckBox::toggled, this, updateBandwidth);
    return box;
}

KernelSettings KernelView::settings() const {
    KernelSettings settings;
    settings.kernel = KernelType(m_kernel->currentData().toInt());
    if (settings.kernel == KernelType::Rbf && !m_autoBandwidth->isChecked())
        settings.bandwidth = m_bandwidth->value();
    settings.ridge = m_ridge->value();
    return settings;
}

void KernelView::setSettings(const KernelSettings& settings) {
    m_kernel->setCurrentIndex(m_kernel->findData(int(settings.kernel)));
    m_autoBandwidth->setChecked(!settings.bandwidth);
    if (settings.bandwidth) m_bandwidth->setValue(*settings.bandwidth);
    m_ridge->setValue(settings.ridge);
}

bool KernelView::started(bool ok) {
    if (ok) {
        m_running = true;
        m_message->setVisible(false);
        m_memory->setText("Solving Kα = Y…");
    }
    return ok;
}

bool KernelView::runTrueLabels() {
    return started(
        m_controller->runKernel(TheoryController::withTrueLabels(m_config()), settings()));
}

bool KernelView::runRandomLabels() {
    return started(
        m_controller->runKernel(TheoryController::withRandomLabels(m_config()), settings()));
}

bool KernelView::runBoth() { return started(m_controller->compareKernel(m_config(), settings())); }

void KernelView::refresh() {
    if (m_running) return;
    const RunConfig config = m_config();
    const TheorySize size = TheorySize::of(config, m_controller->splits());
    const bool refused = !m_controller->refusal(TheoryController::Method::Kernel, config).isEmpty();
    m_memory->setText(QString("%1 training and %2 test images: %3")
                          .arg(fmt::count(size.n), fmt::count(size.m),
                               fmt::memory(size.kernelBytes(), m_controller->memoryLimitBytes())));
    m_memory->setStyleSheet(refused ? "QLabel { color: #c83c28; }" : QString());
}

void KernelView::addOutcome(const KernelOutcome& outcome) {
    m_outcomes.push_back(outcome);
    if (int(m_outcomes.size()) > kMaxRuns) m_outcomes.erase(m_outcomes.begin());
    rebuildTable();
    QStringList names;
    for (int i = 0; i < int(m_outcomes.size()); ++i) names << runName(i);
    m_chart->setRuns(m_outcomes, names);
}

void KernelView::showError(const QString& message) {
    m_running = false;
    refresh();
    m_message->setText(message);
    m_message->setVisible(true);
}

QString KernelView::runName(int index) const {
    const KernelOutcome& outcome = m_outcomes[std::size_t(index)];
    QString name = outcome.labelling;
    if (outcome.result.kernel == KernelType::Linear) name += " · linear";
    if (outcome.result.ridge > 0) name += " · λ " + fmt::number(outcome.result.ridge);
    return name;
}

void KernelView::rebuildTable() {
    m_table->setRowCount(int(m_outcomes.size()));
    for (int row = 0; row < int(m_outcomes.size()); ++row) {
        const KernelOutcome& outcome = m_outcomes[std::size_t(row)];
        const KernelResult& r = outcome.result;
        const QStringList cells = {runName(row),
                                   r.kernel == KernelType::Rbf ? "RBF" : "linear",
                                   fmt::count(r.n),
                                   bandwidthText(r),
                                   fmt::number(r.ridge),
                                   fmt::percent(r.trainAcc),
                                   fmt::percent(r.testAcc),
                                   fmt::number(r.rkhsNorm),
                                   QLocale().toString(r.seconds, 'f', 2)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column >= 2) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == 0) item->setToolTip(outcome.directory);
            m_table->setItem(row, column, item);
        }
    }
}

void KernelView::applyTheme(const PlotTheme& theme) { m_chart->applyTheme(theme); }

}  // namespace shatter
