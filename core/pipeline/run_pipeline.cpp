#include "pipeline/run_pipeline.h"

#include "run/run_writer.h"
#include "train/observer_fanout.h"
#include "train/run_preparation.h"
#include "train/trainer.h"

namespace shatter {

RunPipeline::RunPipeline(RunConfig config, std::string root)
    : m_config(std::move(config)), m_root(std::move(root)) {}

RunPipeline::~RunPipeline() = default;

void RunPipeline::setDatasetLoader(DatasetLoader loader) { m_loadDataset = std::move(loader); }

void RunPipeline::setRunDirectory(std::string directory) {
    m_claimedDirectory = std::move(directory);
}

RunSummary RunPipeline::run(RunObserver& observer) {
    m_config.validate();
    observer.onLoadingData(m_config.dataset);
    std::shared_ptr<const Dataset> dataset =
        m_loadDataset ? m_loadDataset(m_config.dataset)
                      : std::make_shared<const Dataset>(RunPreparation::loadDataset(m_config));

    auto data =
        std::make_shared<const CorruptedDataset>(RunPreparation::prepare(m_config, *dataset));
    RunPreparation::checkTrainable(m_config, *data);
    observer.onDataPrepared(data);

    RunWriter writer = m_claimedDirectory.empty()
                           ? RunWriter(m_root, m_config, *data, dataset->name)
                           : RunWriter(RunWriter::ExistingFolder{}, m_claimedDirectory, m_config,
                                       *data, dataset->name);
    m_directory = writer.directory();
    observer.onRunDirectory(m_directory);
    // The run needs only the prepared copy from here on; let the loaded one go unless it is shared.
    dataset.reset();

    Trainer trainer(m_config, *data);
    ObserverFanout fanout;
    fanout.add(writer);
    fanout.add(observer);
    RunSummary summary = train(trainer, fanout);
    if (!writer.firstError().empty() && summary.status != RunStatus::Failed) {
        // summary.json itself could not be written: the run still ends failed, with the reason.
        summary.status = RunStatus::Failed;
        summary.message = writer.firstError();
    }
    return summary;
}

RunSummary RunPipeline::train(Trainer& trainer, TrainingObserver& observer) {
    // The trainer is reachable from other threads only while it runs.
    struct Attachment {
        RunPipeline& pipeline;
        Attachment(RunPipeline& p, Trainer& trainer) : pipeline(p) { pipeline.attach(trainer); }
        ~Attachment() { pipeline.detach(); }
    } attachment(*this, trainer);
    return trainer.run(observer);
}

void RunPipeline::attach(Trainer& trainer) {
    {
        std::lock_guard lock(m_controlMutex);
        m_trainer = &trainer;
        trainer.setPaused(m_paused);
        if (m_stepRequested) trainer.step();
        if (m_learningRate) trainer.setLearningRate(*m_learningRate);
        trainer.setEpochInterval(m_epochInterval);
    }
    // After publishing the trainer: a stop requested meanwhile is seen here or by requestStop().
    if (m_stopRequested) trainer.requestStop();
}

void RunPipeline::detach() {
    std::lock_guard lock(m_controlMutex);
    m_trainer = nullptr;
}

void RunPipeline::requestStop() {
    m_stopRequested = true;
    std::lock_guard lock(m_controlMutex);
    m_paused = false;
    m_stepRequested = false;
    if (Trainer* trainer = m_trainer.load()) {
        trainer->setPaused(false);
        trainer->requestStop();
    }
}

void RunPipeline::requestStopFromSignalHandler() {
    // The interrupted thread is the one inside run(), so the trainer cannot be destroyed meanwhile.
    m_stopRequested = true;
    if (Trainer* trainer = m_trainer.load()) trainer->requestStop();
}

void RunPipeline::setPaused(bool paused) {
    std::lock_guard lock(m_controlMutex);
    m_paused = paused;
    m_stepRequested = false;
    if (Trainer* trainer = m_trainer.load()) trainer->setPaused(paused);
}

void RunPipeline::step() {
    std::lock_guard lock(m_controlMutex);
    m_paused = false;
    m_stepRequested = true;
    if (Trainer* trainer = m_trainer.load()) trainer->step();
}

void RunPipeline::setLearningRate(double learningRate) {
    std::lock_guard lock(m_controlMutex);
    m_learningRate = learningRate;
    if (Trainer* trainer = m_trainer.load()) trainer->setLearningRate(learningRate);
}

void RunPipeline::setEpochInterval(double seconds) {
    std::lock_guard lock(m_controlMutex);
    m_epochInterval = seconds;
    if (Trainer* trainer = m_trainer.load()) trainer->setEpochInterval(seconds);
}

}  // namespace shatter
