#pragma once

#include <QList>
#include <QWidget>
#include <memory>

#include "common/plot_theme.h"
#include "corruption/corruption_sample.h"
#include "data/dataset.h"
#include "train/run_config.h"

class QLabel;

namespace shatter {

class CorruptionSampler;
class CorruptionTile;
class FlowLayout;

// What the next run will train on, following the experiment panel: the chosen corruption mode
// and level as a title, how many of the run's labels or images it changes, and a few of the
// very images that run draws (same subset, same seed), the corrupted ones framed and captioned
// "corrupted", the untouched ones "original". Label corruption shows each image's true label
// and the label the network is taught. Redrawn on a pool thread a moment after a setting
// changes.
class CorruptionPreview : public QWidget {
    Q_OBJECT

public:
    static constexpr int kImages = 8;

    explicit CorruptionPreview(QWidget* parent = nullptr);

    // The dataset `spec` names (RunConfig::dataset), once loaded.
    void setDataset(const QString& spec, std::shared_ptr<const Dataset> dataset);
    // The panel's settings; only the dataset, training-set size, mode, level and seed matter.
    void setConfig(const RunConfig& config);
    // Larger images and type in presentation mode; colours readable on the theme.
    void applyTheme(const PlotTheme& theme);

    // What is shown now (null before the first sample arrives).
    const std::shared_ptr<const CorruptionSample>& sample() const { return m_sample; }
    int imageCount() const { return int(m_tiles.size()); }
    const QList<CorruptionTile*>& tiles() const { return m_tiles; }
    // The shown mode's title, e.g. "Random pixels at 50%" (its explanation as the tooltip), and
    // the sentences under it: what the level changes in this run, which images are shown.
    QString title() const;
    QString summary() const;
    // A newer sample is being drawn.
    bool isUpdating() const;

private:
    void showSample(std::shared_ptr<const CorruptionSample> sample);
    void showMessage(const QString& message);
    void clearTiles();
    void rebuildTiles();
    void alignTiles();
    QString summaryText(const CorruptionSample& sample) const;

    PlotTheme m_theme;
    QFont m_baseFont;
    CorruptionSampler* m_sampler;
    RunConfig m_config;
    std::shared_ptr<const CorruptionSample> m_sample;
    QLabel* m_title;
    QLabel* m_summary;
    FlowLayout* m_flow;
    QList<CorruptionTile*> m_tiles;
};

}  // namespace shatter
