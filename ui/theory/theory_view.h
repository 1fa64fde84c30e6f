#pragma once

#include <QWidget>
#include <functional>

#include "train/run_config.h"

class QLabel;
class QTabWidget;

namespace shatter {

class ExpressivityView;
class KernelView;
class TheoryController;
struct PlotTheme;

// The Theory tab: why a network can memorize, on the experiment panel's data, size and labels.
// Two views: the 2n+d network that fits any labels (paper §4) and minimum-norm kernel
// interpolation with true against random labels (§5).
class TheoryView : public QWidget {
    Q_OBJECT

public:
    // `config` reads the experiment panel's settings when asked.
    TheoryView(TheoryController* controller, std::function<RunConfig()> config,
               QWidget* parent = nullptr);

    // The panel's settings changed: the headline and the memory estimates follow.
    void refresh();

    TheoryController* controller() const { return m_controller; }
    ExpressivityView* expressivityView() const { return m_expressivity; }
    KernelView* kernelView() const { return m_kernel; }
    QTabWidget* views() const { return m_views; }
    QLabel* headline() const { return m_headline; }

    void applyTheme(const PlotTheme& theme);

private:
    TheoryController* m_controller;
    std::function<RunConfig()> m_config;
    QLabel* m_headline;
    QTabWidget* m_views;
    ExpressivityView* m_expressivity;
    KernelView* m_kernel;
};

}  // namespace shatter
