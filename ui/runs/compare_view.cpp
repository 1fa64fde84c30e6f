#include "runs/compare_view.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "figure/figure_builder.h"
#include "common/app_settings.h"
#include "live/metric_plot.h"
#include "run/metric_column.h"
#include "run/settings_diff.h"
#include "runs/compare_table_model.h"
#include "runs/run_palette.h"

namespace shatter {

CompareView::CompareView(QWidget* parent)
    : QWidget(parent),
      m_metricBox(new QComboBox),
      m_onlyDiffering(new QCheckBox("Only settings that differ")),
      m_hint(new QLabel("Tick runs in the RUNS list to overlay them here.")),
      m_splitter(new QSplitter(Qt::Vertical)),
      m_plotHolder(new QWidget),
      m_tableModel(new CompareTableModel(this)),
      m_table(new QTableView) {
    for (const MetricColumn& column : MetricColumn::all()) {
        m_metricBox->addItem(QString::fromStdString(column.title),
                             QString::fromStdString(column.key));
    }
    m_metricBox->setCurrentIndex(m_metricBox->findData(AppSettings::compareMetric.defaultValue()));
    m_metricBox->setToolTip("The column of metrics.csv to overlay");
    m_metricBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_metricBox->setMinimumContentsLength(22);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(new QLabel("Metric:"));
    bar->addWidget(m_metricBox);
    bar->addSpacing(12);
    bar->addWidget(m_hint, 1);
    bar->addWidget(m_onlyDiffering);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setSizePolicy(QSizePolicy::Ignored,
                          QSizePolicy::Preferred);  // may be cut, never widens the window

    auto* plotLayout = new QVBoxLayout(m_plotHolder);
    plotLayout->setContentsMargins(0, 0, 0, 0);

    m_table->setModel(m_tableModel);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setIconSize(QSize(28, 12));

    m_splitter->addWidget(m_plotHolder);
    m_splitter->addWidget(m_table);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    connect(m_metricBox, &QComboBox::currentIndexChanged, this, [this]() {
        rebuildPlot();
        Q_EMIT metricChanged(metric());
    });
    connect(m_onlyDiffering, &QCheckBox::toggled, this, &CompareView::rebuildTable);
    rebuildPlot();
    rebuildTable();
    fitTableToFont();
}

// While another tab is shown, the runs are only noted: a run in training reports an epoch many
// times a second, and neither the chart nor the table needs drawing until Compare is shown.
void CompareView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void CompareView::catchUp() {
    if (!m_behind) return;
    m_behind = false;
    rebuildPlot();
    rebuildTable();
}

MetricPlot* CompareView::plot() {
    catchUp();
    return m_plot;
}

QAbstractItemModel* CompareView::tableModel() {
    catchUp();
    return m_tableModel;
}

void CompareView::setRuns(const std::vector<RunEntry>& runs) {
    m_runs = runs;
    std::vector<RunConfig> configs;
    for (const RunEntry& run : m_runs) configs.push_back(run.config());
    m_differing.clear();
    for (const std::string& key : SettingsDiff::differing(configs))
        m_differing << QString::fromStdString(key);
    m_hint->setText(
        m_runs.empty() ? "Tick runs in the RUNS list to overlay them here."
                       : QString("%1 run%2").arg(m_runs.size()).arg(m_runs.size() == 1 ? "" : "s"));
    m_behind = true;
    if (isVisible()) catchUp();
}

void CompareView::setMetric(const QString& key) {
    const int index = m_metricBox->findData(key);
    if (index >= 0) m_metricBox->setCurrentIndex(index);
}

QString CompareView::metric() const { return m_metricBox->currentData().toString(); }

void CompareView::setOnlyDiffering(bool only) { m_onlyDiffering->setChecked(only); }

int CompareView::rowOf(const QString& key) {
    catchUp();
    return m_tableModel->rowOf(key);
}

void CompareView::applyTheme(const PlotTheme& theme) {
    if (m_plot) m_plot->applyTheme(theme);
}

void CompareView::rebuildPlot() {
    const MetricColumn* column = MetricColumn::find(metric().toStdString());
    if (!column) column = &MetricColumn::all().front();
    // A new chart only for a new metric: a compared run's new epoch redraws the curves in place
    // (building a chart and its first layout cost tens of milliseconds, every epoch of a run in
    // training), and keeps the user's zoom.
    if (!m_plot || m_plotMetric != column->key) {
        delete m_plot;
        m_plot = new MetricPlot(QString::fromStdString(column->title),
                                QString::fromStdString(column->unit));
        m_plotMetric = column->key;
        m_plot->setObjectName("comparePlot");
        // The legend's run names must not set the window's minimum width; at worst they are cut.
        m_plot->setMinimumWidth(260);
        m_plotHolder->layout()->addWidget(m_plot);
        m_plot->show();
        if (column->percent) {
            m_plot->setValueSuffix(" %");
            if (column->key != "gap") m_plot->setFixedYRange(0, 102);
        }
    }
    const QStringList names = CompareTableModel::runNames(m_runs);
    std::vector<FigureData::Series> curves;
    int epochs = 1;
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const RunEntry& run = m_runs[i];
        FigureData::Series curve = FigureBuilder::epochSeries(run.record.epochs, *column);
        curve.name = names[int(i)].toStdString();
        // The run's colour and line style in RUNS, so that no two compared runs look alike.
        curve.rgb = int(RunPalette::colour(run.colourSlot).rgb() & 0xFFFFFF);
        curve.dash = RunPalette::dash(run.colourSlot);
        curves.push_back(std::move(curve));
        epochs = std::max({epochs, run.epochCount(), run.config().epochs});
    }
    m_plot->setSeries(std::move(curves));
    m_plot->setEpochCount(epochs);
}

void CompareView::rebuildTable() {
    const bool reset = m_tableModel->setRuns(m_runs, m_differing, m_onlyDiffering->isChecked());
    // Column widths follow the contents when the columns change, not with every new epoch.
    if (reset) fitTableToFont();
}

// Rows as tall as a line of the table's font, columns as wide as their contents within a range
// of characters: presentation mode's larger type gets taller rows and wider columns.
void CompareView::fitTableToFont() {
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + 6);
    m_table->resizeColumnsToContents();
    const int narrowest = metrics.horizontalAdvance(QString(12, 'x'));
    const int widest = metrics.horizontalAdvance(QString(32, 'x'));
    for (int c = 0; c < m_tableModel->columnCount(); ++c) {
        m_table->setColumnWidth(c, std::clamp(m_table->columnWidth(c), narrowest, widest));
    }
}

void CompareView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitTableToFont();
}

void CompareView::saveState() const {
    AppSettings::compareMetric.setValue(metric());
    AppSettings::compareOnlyDiffering.setValue(m_onlyDiffering->isChecked());
}

void CompareView::restoreState() {
    setMetric(AppSettings::compareMetric.value());
    setOnlyDiffering(AppSettings::compareOnlyDiffering.value());
}

}  // namespace shatter
