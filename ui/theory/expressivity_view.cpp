#include "theory/expressivity_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "theory/expressivity_plot.h"
#include "theory/theory_controller.h"
#include "theory/theory_format.h"

namespace shatter {

namespace fmt = theory_format;

ExpressivityView::ExpressivityView(TheoryController* controller, std::function<RunConfig()> config,
                                   QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_config(std::move(config)),
      m_build(new QPushButton("Build the 2n+d network")),
      m_class(new QComboBox),
      m_memory(new QLabel),
      m_message(new QLabel),
      m_readout(new QLabel),
      m_fitVertical(new QCheckBox("Whole swing")),
      m_plot(new ExpressivityPlot) {
    m_build->setObjectName("buildNetworkButton");
    m_build->setToolTip(
        "Fit the panel's training images and their assigned labels exactly with a depth-2 ReLU "
        "network of 2n+d weights per output (the paper's §4 construction)");
    m_class->setObjectName("outputClassBox");
    m_class->setToolTip("The output (class) whose function is drawn");
    m_class->setEnabled(false);
    m_class->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_memory->setWordWrap(true);
    m_fitVertical->setToolTip(
        "Fit the vertical axis to the function in view: between neighbouring points it swings "
        "far outside the targets 0 and 1");
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setStyleSheet("QLabel { color: #c83c28; }");
    m_readout->setWordWrap(true);
    m_readout->setTextFormat(Qt::RichText);
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readout->setText(
        "Every training point sits on a line at its projection ⟨a, x⟩ onto a random direction "
        "a. One ReLU unit per point, with its kink b<sub>j</sub> just before it, lets the output "
        "reach any target there: the network fits any labels.");

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_build);
    controls->addSpacing(12);
    controls->addWidget(new QLabel("Output for class"));
    controls->addWidget(m_class);
    controls->addSpacing(12);
    controls->addWidget(m_fitVertical);
    controls->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_memory);
    layout->addWidget(m_message);
    layout->addWidget(m_readout);
    layout->addWidget(m_plot, 1);
    auto* hint = new QLabel(
        "Wheel: zoom along the line · Shift+wheel: zoom vertically · drag: pan · double-click: "
        "everything. Between neighbouring points the function swings far outside 0…1 (see "
        "\"Whole swing\").");
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);

    connect(m_build, &QPushButton::clicked, this, &ExpressivityView::build);
    connect(m_fitVertical, &QCheckBox::toggled, m_plot, &ExpressivityPlot::setFitVertical);
    connect(m_class, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        if (index >= 0) m_plot->setOutput(index);
    });
    connect(m_controller, &TheoryController::busyChanged, this, [this](bool busy) {
        m_build->setEnabled(!busy);
        if (!busy) setBusy(false);
    });
    connect(m_controller, &TheoryController::expressivityBuilt, this,
            &ExpressivityView::showOutcome);
    connect(m_controller, &TheoryController::failed, this,
            [this](TheoryController::Method method, const QString& message) {
                if (method == TheoryController::Method::Expressivity) showError(message);
            });
    refresh();
}

bool ExpressivityView::build() { return redraw(QString()); }

bool ExpressivityView::redraw(const QString& directory) {
    m_message->setVisible(false);
    const RunConfig config = m_config();
    if (!m_controller->buildExpressivity(config, directory)) return false;
    setBusy(true);
    m_memory->setText(QString("Building on %1 images with %2…")
                          .arg(fmt::count(TheorySize::of(config, m_controller->splits()).n))
                          .arg(describeLabelling(config)));
    return true;
}

void ExpressivityView::refresh() {
    if (m_building) return;
    const RunConfig config = m_config();
    const TheorySize size = TheorySize::of(config, m_controller->splits());
    const QString refused = m_controller->refusal(TheoryController::Method::Expressivity, config);
    m_memory->setText(
        QString("%1 training images, %2: %3")
            .arg(fmt::count(size.n))
            .arg(describeLabelling(config))
            .arg(fmt::memory(size.expressivityBytes(), m_controller->memoryLimitBytes())));
    m_memory->setStyleSheet(refused.isEmpty() ? QString() : "QLabel { color: #c83c28; }");
}

void ExpressivityView::setBusy(bool busy) {
    m_building = busy;
    if (!busy) refresh();
}

void ExpressivityView::showOutcome(std::shared_ptr<const ExpressivityOutcome> outcome) {
    m_outcome = std::move(outcome);
    m_message->setVisible(false);
    const int chosen = std::max(0, m_class->currentIndex());
    {
        const QSignalBlocker blocker(m_class);
        m_class->clear();
        m_class->addItems(m_outcome->classNames);
        m_class->setCurrentIndex(chosen < m_class->count() ? chosen : 0);
    }
    m_class->setEnabled(true);
    m_plot->setNetwork(std::shared_ptr<const ExpressivityResult>(m_outcome, &m_outcome->result),
                       m_outcome->classNames);
    m_plot->setOutput(m_class->currentIndex());
    m_readout->setText(readoutText(*m_outcome));
}

void ExpressivityView::showError(const QString& message) {
    setBusy(false);
    m_message->setText(message);
    m_message->setVisible(true);
}

QString ExpressivityView::readoutText(const ExpressivityOutcome& outcome) const {
    const ExpressivityResult& r = outcome.result;
    return QString(
               "<b>n = %1</b> training points (%2), <b>d = %3</b> · weights: <b>2n+d = %4</b> "
               "per output, <b>%5</b> in all (%6 outputs share a and b)<br>"
               "train accuracy <b>%7</b> · test accuracy <b>%8</b> · smallest gap between "
               "projections <b>%9</b> · %10&nbsp;s")
        .arg(fmt::count(r.n), outcome.labelling.toHtmlEscaped(), fmt::count(r.d),
             fmt::count(r.weightsPerOutput), fmt::count(r.totalWeights), QString::number(r.classes),
             fmt::percent(r.trainAcc), fmt::percent(r.testAcc), fmt::number(r.minGap))
        .arg(QLocale().toString(r.seconds, 'f', 2));
}

void ExpressivityView::applyTheme(const PlotTheme& theme) { m_plot->applyTheme(theme); }

}  // namespace shatter
