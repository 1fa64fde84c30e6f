#include "runs/compare_view.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "figure/figure_builder.h"
#include "common/app_settings.h"
#include "live/metric_plot.h"
#include "run/metric_column.h"
#include "run/settings_diff.h"
#include "runs/run_palette.h"

namespace shatter {

namespace {

const QColor kHighlight(255, 226, 140);

QString percent(double fraction) {
    return std::isfinite(fraction) ? QLocale().toString(100.0 * fraction, 'f', 1) + " %"
                                   : QStringLiteral("–");
}

QIcon swatch(const QColor& colour, Qt::PenStyle style) {
    QPixmap pixmap(28, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 2.5, style, Qt::FlatCap));
    painter.drawLine(QPointF(1, 6), QPointF(27, 6));
    return QIcon(pixmap);
}

// Legend names: the run names, told apart by their folders where two runs share a name.
QStringList legendNames(const std::vector<RunEntry>& runs) {
    QStringList names;
    for (const RunEntry& run : runs) names << QString::fromStdString(run.displayName);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (names.count(QString::fromStdString(runs[i].displayName)) > 1) {
            names[int(i)] += " · " + QString::fromStdString(runs[i].folderName);
        }
    }
    return names;
}

}  // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent),
      m_metricBox(new QComboBox),
      m_onlyDiffering(new QCheckBox("Only settings that differ")),
      m_hint(new QLabel("Tick runs in the RUNS list to overlay them here.")),
      m_splitter(new QSplitter(Qt::Vertical)),
      m_plotHolder(new QWidget),
      m_table(new QTableWidget) {
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

    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
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
    rebuildPlot();
    rebuildTable();
}

void CompareView::setMetric(const QString& key) {
    const int index = m_metricBox->findData(key);
    if (index >= 0) m_metricBox->setCurrentIndex(index);
}

QString CompareView::metric() const { return m_metricBox->currentData().toString(); }

void CompareView::setOnlyDiffering(bool only) { m_onlyDiffering->setChecked(only); }

int CompareView::rowOf(const QString& key) const { return int(m_rowKeys.indexOf(key)); }

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
    const QStringList names = legendNames(m_runs);
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
    struct Row {
        QString key;
        QString label;
        bool setting;
    };
    std::vector<Row> rows = {{"status", "status", false},
                             {"epochs_done", "epochs run", false},
                             {"train_acc", "final train accuracy", false},
                             {"test_acc", "final test accuracy", false},
                             {"gap", "final gap", false},
                             {"epochs_to_fit", "epochs to fit", false}};
    const bool onlyDiffering = m_onlyDiffering->isChecked() && m_runs.size() >= 2;
    for (const std::string& key : SettingsDiff::keys()) {
        const QString k = QString::fromStdString(key);
        if (onlyDiffering && !m_differing.contains(k)) continue;
        rows.push_back({k, QString(k).replace('_', ' '), true});
    }
    rows.push_back({"started_at", "started", false});
    rows.push_back({"folder", "folder", false});

    m_table->clear();
    m_table->setRowCount(int(rows.size()));
    m_table->setColumnCount(int(m_runs.size()));
    m_rowKeys.clear();
    const QStringList names = legendNames(m_runs);
    for (std::size_t c = 0; c < m_runs.size(); ++c) {
        const RunEntry& run = m_runs[c];
        auto* header = new QTableWidgetItem(
            swatch(RunPalette::colour(run.colourSlot), RunPalette::lineStyle(run.colourSlot)),
            names[int(c)]);
        header->setToolTip(QDir::toNativeSeparators(QString::fromStdString(run.directory)));
        m_table->setHorizontalHeaderItem(int(c), header);
    }
    QFont bold = m_table->font();
    bold.setBold(true);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Row& row = rows[r];
        m_rowKeys << row.key;
        const bool differs = row.setting && m_differing.contains(row.key);
        auto* label = new QTableWidgetItem(differs ? "≠ " + row.label : row.label);
        if (differs) {
            label->setFont(bold);
            label->setToolTip("Differs between the compared runs");
        }
        m_table->setVerticalHeaderItem(int(r), label);
        for (std::size_t c = 0; c < m_runs.size(); ++c) {
            const RunEntry& run = m_runs[c];
            QString text;
            if (row.setting) {
                text =
                    QString::fromStdString(SettingsDiff::value(run.config(), row.key.toStdString()));
            } else if (row.key == "status") {
                text = QString::fromStdString(run.readable ? toString(run.status()) : "unreadable");
            } else if (row.key == "epochs_done") {
                text = run.record.info.kind == "training"
                           ? QString("%1 of %2").arg(run.epochCount()).arg(run.config().epochs)
                           : QString::fromStdString(run.record.info.kind) + " (no epochs)";
            } else if (row.key == "train_acc") {
                text = percent(run.summary().trainAcc);
            } else if (row.key == "test_acc") {
                text = percent(run.summary().testAcc);
            } else if (row.key == "gap") {
                text = percent(run.summary().gap);
            } else if (row.key == "epochs_to_fit") {
                text = run.summary().epochsToFit ? QString::number(*run.summary().epochsToFit) : QString("not fitted");
            } else if (row.key == "started_at") {
                text = QString::fromStdString(run.record.info.startedAt);
            } else if (row.key == "folder") {
                text = QString::fromStdString(run.folderName);
            }
            auto* cell = new QTableWidgetItem(text);
            cell->setToolTip(text);
            if (differs) {
                cell->setBackground(kHighlight);
                cell->setForeground(QColor(40, 30, 0));
                cell->setFont(bold);
            }
            m_table->setItem(int(r), int(c), cell);
        }
    }
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_table->columnCount(); ++c) {
        m_table->setColumnWidth(c, std::clamp(m_table->columnWidth(c), 110, 210));
    }
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
