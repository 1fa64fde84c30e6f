#pragma once

#include <vector>

#include <QWidget>

#include "figure/figure_data.h"
#include "common/plot_theme.h"
#include "run/run_record.h"

class QComboBox;
class QLabel;
class QPushButton;
class QStackedLayout;

namespace shatter {

class FigurePlot;

// The paper's Figure 1 from a set of runs (a sweep, or any run folders): (a) training loss per
// epoch for true labels and each corruption mode, (b) time to fit against the corruption level,
// in epochs or as a slowdown relative to level 0, (c) test error against the level.
class Figure1View : public QWidget {
    Q_OBJECT

public:
    explicit Figure1View(QWidget* parent = nullptr);

    void setRuns(std::vector<RunRecord> runs, const QString& source);
    // A sweep folder, a run folder or a folder of them; false (with the reason) when none loads.
    bool loadFolders(const QStringList& folders, QString* error = nullptr);
    void reload();
    void setSlowdown(bool slowdown);
    void applyTheme(const PlotTheme& theme);

    const std::vector<RunRecord>& runs() const { return m_runs; }
    QStringList folders() const { return m_folders; }
    FigurePlot* lossPlot() const { return m_loss; }
    FigurePlot* timePlot() const { return m_time; }
    FigurePlot* errorPlot() const { return m_error; }
    QPushButton* exportPanelsButton() const { return m_exportPanels; }
    // The message shown instead of the panels while no run is loaded; the panels otherwise.
    QWidget* currentPage() const;
    // (a), (b) in epochs, (b) as slowdown, (c), with file stems for the figure set; each with
    // the caption that names the runs and their settings.
    std::vector<std::pair<QString, FigureData>> figures() const;
    // (a), (b) as shown (epochs or slowdown) and (c): the three-panel export.
    std::vector<FigureData> panels() const;
    // "Export Figure 1 (three panels)…": the dialog for one PNG/SVG/PDF of the three panels.
    void openPanelsExport();
    // "Export Figure 1 animation (three panels)…": the three panels growing, as MP4 or GIF.
    void openPanelsAnimation();

private:
    void rebuild();
    std::string caption() const;

    std::vector<RunRecord> m_runs;
    QStringList m_folders;
    QLabel* m_source;
    QPushButton* m_load;
    QComboBox* m_timeUnit;
    QPushButton* m_exportPanels;
    QStackedLayout* m_pages;
    QLabel* m_empty;
    FigurePlot* m_loss;
    FigurePlot* m_time;
    FigurePlot* m_error;
};

}  // namespace shatter
