#include "live/live_view.h"

#include <QLabel>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "figure/figure_builder.h"
#include "figure/figure_caption.h"
#include "figures/series_style.h"
#include "live/live_run.h"
#include "live/metric_plot.h"
#include "run/metric_column.h"
#include "run/run_library.h"

namespace shatter {

namespace {

const MetricColumn* column(const char* key) {
    const MetricColumn* found = MetricColumn::find(key);
    Q_ASSERT(found);
    return found;
}

}  // namespace

LiveView::LiveView(const LiveRun* run, QWidget* parent)
    : QWidget(parent), m_run(run), m_score(new QLabel) {
    auto* accuracy = new MetricPlot("Accuracy", "accuracy (%)");
    accuracy->setFixedYRange(0, 102);
    accuracy->setValueSuffix(" %");
    auto* loss = new MetricPlot("Loss", "cross-entropy");
    auto* gap = new MetricPlot("Generalization gap", "train − test (%)");
    gap->setFixedYRange(-5, 102);
    gap->setValueSuffix(" %");
    m_charts = {
        {"live-accuracy",
         accuracy,
         {{column("train_acc"), "train", SeriesStyle::train(), 0},
          {column("train_acc_clean"), "train, clean", SeriesStyle::clean(), 1},
          {column("train_acc_corrupted"), "train, corrupted", SeriesStyle::corrupted(), 2},
          {column("test_acc"), "test", SeriesStyle::test(), 3},
          {column("corrupted_predicted_true"), "corrupted, predicted as true class",
           SeriesStyle::predictedTrue(), 4}}},
        {"live-loss",
         loss,
         {{column("train_loss"), "train", SeriesStyle::train(), 0},
          {column("test_loss"), "test", SeriesStyle::test(), 3}}},
        {"live-generalization-gap", gap, {{column("gap"), "gap", SeriesStyle::gap(), 0}}},
    };
    for (const Chart& chart : m_charts) chart.plot->setObjectName(chart.stem);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(accuracy);
    auto* lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(loss);
    lower->addWidget(gap);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_score->setObjectName("liveScore");
    m_score->setContentsMargins(8, 2, 8, 2);
    m_score->setTextFormat(Qt::RichText);
    m_score->setWordWrap(true);  // in large type on a narrow screen, the score takes two lines
    m_score->setText("Press <b>Start</b> (or Space) to train; Esc stops.");
    layout->addWidget(m_score);
    layout->addWidget(splitter, 1);
    applyTheme(PlotTheme::current());
    redraw();

    connect(run, &LiveRun::begun, this, &LiveView::begin);
    connect(run, &LiveRun::epochAdded, this, &LiveView::scheduleRedraw);
    connect(run, &LiveRun::finished, this, &LiveView::showEnd);
    connect(run, &LiveRun::failed, this, &LiveView::showFailure);
    connect(run, &LiveRun::directoryChanged, this, &LiveView::describeRun);
    connect(run, &LiveRun::replayedChanged, this, &LiveView::describeRun);
    connect(run, &LiveRun::rewound, this, [this]() {
        m_score->setText(QString("epoch 0/%1").arg(m_run->history().plannedEpochs()));
        scheduleRedraw();
    });
}

void LiveView::describeRun(const QString& directory) {
    if (directory.isEmpty()) return;  // the run ended: its charts keep their caption
    const RunEntry entry = RunLibrary::read(directory.toStdString());
    const QString caption =
        entry.readable ? QString::fromStdString(FigureCaption::forRun(entry.displayName, entry.config())) : QString();
    for (const Chart& chart : m_charts) chart.plot->setCaption(caption);
}

void LiveView::applyTheme(const PlotTheme& theme) {
    QFont big = theme.font(PlotTheme::screenBaseFont());
    big.setPointSizeF(big.pointSizeF() * 1.35);
    m_score->setFont(big);
    for (const Chart& chart : m_charts) chart.plot->applyTheme(theme);
}

std::vector<std::pair<QString, FigureData>> LiveView::figures() const {
    std::vector<std::pair<QString, FigureData>> figures;
    for (const Chart& chart : m_charts) {
        FigureData figure = chart.plot->figureData();
        figure.series = curvesOf(chart);
        figures.emplace_back(chart.stem, std::move(figure));
    }
    return figures;
}

void LiveView::begin(int epochs) {
    m_score->setText(QString("epoch 0/%1 · waiting for the first epoch…").arg(epochs));
    for (const Chart& chart : m_charts) {
        chart.plot->resetView();
        chart.plot->setEpochCount(epochs);
    }
    redraw();
}

void LiveView::showEnd(const RunSummary& summary) {
    if (m_run->history().latest()) return;  // the score of the last epoch stays
    m_score->setText(
        QString("Run %1 before its first epoch. Press <b>Start</b> (or Space) to train.")
            .arg(QString::fromStdString(toString(summary.status)).toHtmlEscaped()));
}

void LiveView::showFailure(const QString& message) {
    if (m_run->history().latest()) return;
    m_score->setText("<b>Not run:</b> " + message.section('\n', 0, 0).left(160).toHtmlEscaped());
}

void LiveView::scheduleRedraw() {
    if (m_redrawPending) return;
    m_redrawPending = true;
    QTimer::singleShot(0, this, &LiveView::redraw);
}

void LiveView::redraw() {
    m_redrawPending = false;
    for (const Chart& chart : m_charts) chart.plot->setSeries(curvesOf(chart));
    showScore();
}

std::vector<FigureData::Series> LiveView::curvesOf(const Chart& chart) const {
    std::vector<FigureData::Series> curves;
    for (const Curve& curve : chart.curves) {
        FigureData::Series series =
            FigureBuilder::epochSeries(m_run->history().epochs(), *curve.metric);
        series.name = curve.name;
        series.rgb = int(curve.colour.rgb() & 0xFFFFFF);
        series.dash = curve.dash;
        curves.push_back(std::move(series));
    }
    return curves;
}

void LiveView::showScore() {
    const EpochMetrics* latest = m_run->history().latest();
    if (!latest) return;
    const EpochMetrics& m = *latest;
    auto percent = [](double value) {
        return std::isfinite(value) ? QString::number(100.0 * value, 'f', 1) + " %" : QString("–");
    };
    auto coloured = [](const QColor& colour, const QString& text) {
        return QString("<span style='color:%1'>%2</span>").arg(colour.name(), text);
    };
    m_score->setText(
        QString("epoch <b>%1</b>/%2 &nbsp;·&nbsp; %3 &nbsp;·&nbsp; %4 &nbsp;·&nbsp; %5")
            .arg(m.epoch)
            .arg(m_run->history().plannedEpochs())
            .arg(coloured(PlotTheme::current().adapt(SeriesStyle::train()),
                          "train <b>" + percent(m.trainAcc) + "</b>"))
            .arg(coloured(
                PlotTheme::current().dark ? SeriesStyle::test() : SeriesStyle::test().darker(120),
                "test <b>" + percent(m.testAcc) + "</b>"))
            .arg(coloured(PlotTheme::current().adapt(SeriesStyle::gap()),
                          "gap <b>" + percent(m.gap) + "</b>")));
}

}  // namespace shatter
