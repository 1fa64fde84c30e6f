#pragma once

#include <QWidget>
#include <functional>
#include <memory>

#include "theory/theory_outcomes.h"
#include "train/run_config.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace shatter {

class ExpressivityPlot;
class TheoryController;
struct PlotTheme;

// The expressivity half of the Theory tab: "Build the 2n+d network" on the experiment panel's
// data and labels, the memory it needs, the construction drawn (ExpressivityPlot) for a chosen
// class, and a readout of its size and accuracy.
class ExpressivityView : public QWidget {
    Q_OBJECT

public:
    ExpressivityView(TheoryController* controller, std::function<RunConfig()> config,
                     QWidget* parent = nullptr);

    // Starts the construction; false (with the reason shown) when it cannot start.
    bool build();
    // Draws the stored expressivity run in `directory` (made on the panel's settings) by
    // computing its seeded construction again, without filing a new run.
    bool redraw(const QString& directory);
    // Reads the panel's settings again: the memory needed.
    void refresh();
    void showOutcome(std::shared_ptr<const ExpressivityOutcome> outcome);
    void showError(const QString& message);

    QPushButton* buildButton() const { return m_build; }
    QComboBox* classBox() const { return m_class; }
    QCheckBox* wholeSwingBox() const { return m_fitVertical; }
    QLabel* readout() const { return m_readout; }
    QLabel* memoryLabel() const { return m_memory; }
    QLabel* messageLabel() const { return m_message; }
    ExpressivityPlot* plot() const { return m_plot; }
    std::shared_ptr<const ExpressivityOutcome> outcome() const { return m_outcome; }

    void applyTheme(const PlotTheme& theme);

private:
    void setBusy(bool busy);
    QString readoutText(const ExpressivityOutcome& outcome) const;

    TheoryController* m_controller;
    std::function<RunConfig()> m_config;
    std::shared_ptr<const ExpressivityOutcome> m_outcome;
    bool m_building = false;
    QPushButton* m_build;
    QComboBox* m_class;
    QLabel* m_memory;
    QLabel* m_message;
    QLabel* m_readout;
    QCheckBox* m_fitVertical;
    ExpressivityPlot* m_plot;
};

}  // namespace shatter
