#include "theory/theory_view.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

#include "run/settings_diff.h"
#include "theory/expressivity_view.h"
#include "theory/kernel_view.h"
#include "theory/theory_controller.h"
#include "theory/theory_format.h"

namespace shatter {

TheoryView::TheoryView(TheoryController* controller, std::function<RunConfig()> config,
                       QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_config(std::move(config)),
      m_headline(new QLabel),
      m_views(new QTabWidget),
      m_expressivity(new ExpressivityView(controller, m_config)),
      m_kernel(new KernelView(controller, m_config)) {
    m_headline->setWordWrap(true);
    m_views->setObjectName("theoryViews");
    m_views->addTab(m_expressivity, "Expressivity: the 2n+d network");
    m_views->addTab(m_kernel, "Kernel interpolation");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_headline);
    layout->addWidget(m_views, 1);
    // Sizes of a newly loaded dataset refine the estimates.
    connect(m_controller, &TheoryController::busyChanged, this, &TheoryView::refresh);
    refresh();
}

void TheoryView::refresh() {
    const RunConfig config = m_config();
    const TheorySize size = TheorySize::of(config, m_controller->splits());
    m_headline->setText(
        QString("On the experiment panel's data: <b>%1 training images</b> of %2 with <b>%3</b> "
                "(change them on the left). Every computation is kept as a run in RUNS.")
            .arg(theory_format::count(size.n),
                 QString::fromStdString(SettingsDiff::value(config, "dataset")).toHtmlEscaped(),
                 describeLabelling(config)));
    m_expressivity->refresh();
    m_kernel->refresh();
}

void TheoryView::applyTheme(const PlotTheme& theme) {
    m_expressivity->applyTheme(theme);
    m_kernel->applyTheme(theme);
}

}  // namespace shatter
