#include "experiment/corruption_sampler.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>
#include <exception>

#include "common/handed_over_call.h"
#include "train/run_preparation.h"

namespace shatter {

CorruptionSampler::CorruptionSampler(std::size_t tiles, QObject* parent)
    : QObject(parent), m_tiles(tiles), m_debounce(new QTimer(this)) {
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &CorruptionSampler::start);
}

bool CorruptionSampler::sameDraw(const RunConfig& a, const RunConfig& b) {
    return a.dataset == b.dataset && a.trainSize == b.trainSize && a.testSize == b.testSize &&
           a.corruption == b.corruption && a.effectiveLevel() == b.effectiveLevel() &&
           a.seed == b.seed;
}

bool CorruptionSampler::hasDataset() const {
    return m_dataset && m_hasConfig && m_datasetSpec.toStdString() == m_config.dataset;
}

void CorruptionSampler::setDataset(const QString& spec, std::shared_ptr<const Dataset> dataset) {
    if (spec == m_datasetSpec && dataset == m_dataset) return;
    m_datasetSpec = spec;
    m_dataset = std::move(dataset);
    schedule();
}

void CorruptionSampler::setConfig(const RunConfig& config) {
    if (m_hasConfig && sameDraw(config, m_config)) return;
    m_config = config;
    m_hasConfig = true;
    schedule();
}

void CorruptionSampler::schedule() {
    if (!m_hasConfig) return;
    ++m_generation;  // whatever is running now is out of date
    if (!hasDataset()) {
        m_debounce->stop();
        m_pending = false;
        Q_EMIT waitingForDataset(QString::fromStdString(m_config.dataset));
        return;
    }
    m_pending = true;
    m_debounce->start();
}

void CorruptionSampler::start() {
    if (m_running || !m_pending) return;  // a running draw starts the next one when it ends
    if (!hasDataset()) {
        m_pending = false;
        return;
    }
    m_pending = false;
    m_running = true;
    const int generation = m_generation;
    const RunConfig config = m_config;
    const std::shared_ptr<const Dataset> dataset = m_dataset;
    const std::size_t tiles = m_tiles;
    QPointer<CorruptionSampler> self(this);
    startOnPool([self, generation, config, dataset, tiles]() {
        std::shared_ptr<const CorruptionSample> sample;
        QString error;
        try {
            sample = std::make_shared<const CorruptionSample>(
                RunPreparation::sample(config, *dataset, tiles));
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        // The application outlives the pool's tasks; the sampler may not, so it is asked
        // for on the GUI thread.
        postQueued(QCoreApplication::instance(), [self, generation, sample, error]() {
            if (self) self->deliver(generation, sample, error);
        });
    });
}

void CorruptionSampler::deliver(int generation, std::shared_ptr<const CorruptionSample> sample,
                                const QString& error) {
    m_running = false;
    if (m_pending) {
        // Newer settings arrived meanwhile: draw those once their debounce has passed.
        if (!m_debounce->isActive()) start();
        return;
    }
    if (generation != m_generation) return;
    if (sample)
        Q_EMIT sampleReady(std::move(sample));
    else
        Q_EMIT failed(error);
}

}  // namespace shatter
