#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "corruption/corruption_sample.h"
#include "data/dataset.h"
#include "train/run_config.h"

class QTimer;

namespace shatter {

// Draws the corruption preview's sample (RunPreparation::sample) on a pool thread, a short
// while after the settings that decide it (dataset, training-set size, mode, level, seed) last
// changed: subsetting and corrupting 60,000 images takes longer than a frame. Only the newest
// settings are delivered; at most one draw runs at a time.
class CorruptionSampler : public QObject {
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 150;

    explicit CorruptionSampler(std::size_t tiles, QObject* parent = nullptr);

    // The dataset that `spec` (RunConfig::dataset) names, once loaded.
    void setDataset(const QString& spec, std::shared_ptr<const Dataset> dataset);
    void setConfig(const RunConfig& config);

    // Whether the dataset of the current settings is here (else the preview waits for it).
    bool hasDataset() const;
    // A draw is pending or running.
    bool isBusy() const { return m_running || m_pending; }

Q_SIGNALS:
    void sampleReady(std::shared_ptr<const shatter::CorruptionSample> sample);
    void failed(const QString& message);
    void waitingForDataset(const QString& spec);

private:
    // The settings that change which images a run trains on, and how.
    static bool sameDraw(const RunConfig& a, const RunConfig& b);
    void schedule();
    void start();
    void deliver(int generation, std::shared_ptr<const CorruptionSample> sample,
                 const QString& error);

    std::size_t m_tiles;
    QTimer* m_debounce;
    RunConfig m_config;
    bool m_hasConfig = false;
    QString m_datasetSpec;
    std::shared_ptr<const Dataset> m_dataset;
    int m_generation = 0;  // of the newest settings
    bool m_running = false;
    bool m_pending = false;
};

}  // namespace shatter
