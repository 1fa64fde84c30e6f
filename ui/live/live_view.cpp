#include "live/live_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>

#include <cmath>
#include <QSplitter>
#include <QVBoxLayout>

#include "live/metric_plot.h"
#include "figures/series_style.h"

namespace shatter {

LiveView::LiveView(QWidget* parent)
    : QWidget(parent),
      m_score(new QLabel),
      m_accuracy(new MetricPlot("Accuracy", "accuracy (%)")),
      m_loss(new MetricPlot("Loss", "cross-entropy")),
      m_gap(new MetricPlot("Generalization gap", "train − test (%)")) {
    m_accuracy->addSeries("train", SeriesStyle::train(), Qt::SolidLine);
    m_accuracy->addSeries("train, clean", SeriesStyle::clean(), Qt::DashLine);
    m_accuracy->addSeries("train, corrupted", SeriesStyle::corrupted(), Qt::DotLine);
    m_accuracy->addSeries("test", SeriesStyle::test(), Qt::DashDotLine);
    m_accuracy->setFixedYRange(0, 102);
    m_accuracy->setValueSuffix(" %");

    m_loss->addSeries("train", SeriesStyle::train(), Qt::SolidLine);
    m_loss->addSeries("test", SeriesStyle::test(), Qt::DashDotLine);

    m_gap->addSeries("gap", SeriesStyle::gap(), Qt::SolidLine);
    m_gap->setFixedYRange(-5, 102);
    m_gap->setValueSuffix(" %");

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_accuracy);
    auto* lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(m_loss);
    lower->addWidget(m_gap);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_score->setContentsMargins(8, 2, 8, 2);
    m_score->setTextFormat(Qt::RichText);
    m_score->setText("Press <b>Start</b> (or Space) to train; Esc stops.");
    layout->addWidget(m_score);
    layout->addWidget(splitter, 1);
    applyTheme(PlotTheme::current());
}

void LiveView::applyTheme(const PlotTheme& theme) {
    QFont big = theme.font(PlotTheme::screenBaseFont());
    big.setPointSizeF(big.pointSizeF() * 1.35);
    m_score->setFont(big);
    for (MetricPlot* plot : {m_accuracy, m_loss, m_gap}) plot->applyTheme(theme);
}

std::vector<std::pair<QString, FigureData>> LiveView::figures() const {
    return {{"live-accuracy", m_accuracy->figureData()},
            {"live-loss", m_loss->figureData()},
            {"live-generalization-gap", m_gap->figureData()}};
}

void LiveView::beginRun(int epochs) {
    m_epochs = epochs;
    m_score->setText(QString("epoch 0/%1 · waiting for the first epoch…").arg(epochs));
    for (MetricPlot* plot : {m_accuracy, m_loss, m_gap}) {
        plot->clear();
        plot->setEpochCount(epochs);
    }
}

void LiveView::addEpoch(const EpochMetrics& m) {
    const double e = m.epoch;
    m_accuracy->addPoint(TrainAcc, e, 100.0 * m.trainAcc);
    m_accuracy->addPoint(CleanAcc, e, 100.0 * m.trainAccClean);
    m_accuracy->addPoint(CorruptedAcc, e, 100.0 * m.trainAccCorrupted);
    m_accuracy->addPoint(TestAcc, e, 100.0 * m.testAcc);
    m_loss->addPoint(TrainLoss, e, m.trainLoss);
    m_loss->addPoint(TestLoss, e, m.testLoss);
    m_gap->addPoint(0, e, 100.0 * m.gap);

    auto percent = [](double value) {
        return std::isfinite(value) ? QString::number(100.0 * value, 'f', 1) + " %" : QString("–");
    };
    auto coloured = [](const QColor& colour, const QString& text) {
        return QString("<span style='color:%1'>%2</span>").arg(colour.name(), text);
    };
    m_score->setText(QString("epoch <b>%1</b>/%2 &nbsp;·&nbsp; %3 &nbsp;·&nbsp; %4 &nbsp;·&nbsp; %5")
                         .arg(m.epoch)
                         .arg(m_epochs)
                         .arg(coloured(PlotTheme::current().adapt(SeriesStyle::train()), "train <b>" + percent(m.trainAcc) + "</b>"))
                         .arg(coloured(PlotTheme::current().dark ? SeriesStyle::test() : SeriesStyle::test().darker(120), "test <b>" + percent(m.testAcc) + "</b>"))
                         .arg(coloured(PlotTheme::current().adapt(SeriesStyle::gap()), "gap <b>" + percent(m.gap) + "</b>")));
}

QString LiveView::scoreText() const {
    QString plain = m_score->text();
    plain.remove(QRegularExpression("<[^>]*>"));
    return plain.replace("&nbsp;", " ");
}

}  // namespace shatter
