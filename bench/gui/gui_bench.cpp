// shatter-gui-bench: how responsive the real window stays while a run trains at full speed with
// finished runs overlaid in Compare (docs/PERFORMANCE.md, "GUI"). Offscreen, in a temporary home:
//   1. trains N small finished runs with the real pipeline (the runs Compare overlays);
//   2. opens MainWindow, ticks them all, starts a run at the fastest pace and ticks it too;
//   3. for each view (Live, then Compare) measures the lateness of a 10 ms timer on the GUI
//      thread and the time of every chart replot, then stops the run.
// Prints a table; --json FILE writes the same figures for bench/harness.py.
#include <QApplication>
#include <algorithm>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

#include "event_loop_probe.h"
#include "latency_summary.h"
#include "replot_probe.h"
#include "timed_application.h"

#include "data/dataset_source.h"
#include "experiment/experiment_panel.h"
#include "live/live_run.h"
#include "live/training_controller.h"
#include "pipeline/run_pipeline.h"
#include "run/run_history.h"
#include "runs/compare_view.h"
#include "runs/run_list_panel.h"
#include "train/epoch_pace.h"
#include "window/main_window.h"

using namespace shatter;
using shatter::bench::EventLoopProbe;
using shatter::bench::LatencySummary;
using shatter::bench::ReplotProbe;
using shatter::bench::TimedApplication;

namespace {

struct Settings {
    int runs = 10;
    int historyEpochs = 50;
    int historyTrainSize = 256;
    int trainSize = 4000;
    int testSize = 1000;
    QString model = "mlp-1x512";
    QString dataset = "fashion-mnist";
    double phaseSeconds = 12.0;
    int intervalMs = 10;
    QString json;
};

// The measurements while one view was shown.
struct Phase {
    QString view;
    double seconds = 0.0;
    int epochs = 0;
    LatencySummary lateness;
    std::map<QString, LatencySummary> replots;
    std::map<QString, LatencySummary> replotsCpu;  // the GUI thread's CPU time of the same replots
    // The events that took the GUI thread's time, costliest first.
    std::vector<std::pair<QString, TimedApplication::Cost>> events;
};

// The `count` costliest events by total time.
std::vector<std::pair<QString, TimedApplication::Cost>> costliest(
    const std::map<QString, TimedApplication::Cost>& costs, std::size_t count) {
    std::vector<std::pair<QString, TimedApplication::Cost>> list(costs.begin(), costs.end());
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.second.totalMs > b.second.totalMs; });
    if (list.size() > count) list.resize(count);
    return list;
}

// Gives the offscreen platform a screen the size of a desktop (its own is 800×600).
void useOffscreenScreen(const QString& folder) {
    const QString path = folder + "/offscreen-screens.json";
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return;
    file.write(R"({"screens": [{"name": "screen", "x": 0, "y": 0, "width": 1920, "height": 1080,
                 "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + path).toUtf8());
}

Settings parse(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Measures the window's event-loop delay and chart replot times while a run trains at full "
        "speed with finished runs overlaid in Compare.");
    parser.addHelpOption();
    const QCommandLineOption runs("runs", "Finished runs overlaid in Compare (10).", "N", "10");
    const QCommandLineOption historyEpochs("history-epochs", "Epochs of each finished run (50).", "N", "50");
    const QCommandLineOption historyTrainSize("history-train-size", "Images of each finished run (256).", "N", "256");
    const QCommandLineOption trainSize("train-size", "Images of the run in training (4000).", "N", "4000");
    const QCommandLineOption testSize("test-size", "Test images evaluated after each epoch (1000).", "N", "1000");
    const QCommandLineOption model("model", "Network of every run (mlp-1x512).", "NAME", "mlp-1x512");
    const QCommandLineOption dataset("dataset", "Dataset of every run (fashion-mnist).", "SPEC", "fashion-mnist");
    const QCommandLineOption phase("phase-seconds", "Seconds measured with each view shown (12).", "S", "12");
    const QCommandLineOption interval("interval", "The probe timer's interval in ms (10).", "MS", "10");
    const QCommandLineOption json("json", "Also write the figures as JSON to FILE.", "FILE");
    parser.addOptions({runs, historyEpochs, historyTrainSize, trainSize, testSize, model, dataset,
                       phase, interval, json});
    parser.process(app);
    Settings s;
    s.runs = parser.value(runs).toInt();
    s.historyEpochs = parser.value(historyEpochs).toInt();
    s.historyTrainSize = parser.value(historyTrainSize).toInt();
    s.trainSize = parser.value(trainSize).toInt();
    s.testSize = parser.value(testSize).toInt();
    s.model = parser.value(model);
    s.dataset = parser.value(dataset);
    s.phaseSeconds = parser.value(phase).toDouble();
    s.intervalMs = parser.value(interval).toInt();
    s.json = parser.value(json);
    return s;
}

// Runs the event loop until `done` holds (checked every 20 ms) or `timeoutMs` passes.
bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&]() {
        if (done() || clock.elapsed() > timeoutMs) loop.quit();
    });
    poll.start(20);
    if (!done()) loop.exec();
    return done();
}

// Runs the event loop for `ms` milliseconds.
void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The finished runs Compare overlays: random labels at levels 0.1 … 1.0, trained for real.
QStringList trainFinishedRuns(const Settings& s, const QString& root) {
    QStringList directories;
    std::shared_ptr<const Dataset> data;
    auto loader = [&data](const std::string& spec) {
        if (!data) data = std::make_shared<const Dataset>(DatasetSource::parse(spec).load());
        return data;
    };
    for (int i = 0; i < s.runs; ++i) {
        RunConfig config;
        config.name = "history-" + std::to_string(i + 1);
        config.dataset = s.dataset.toStdString();
        config.model = s.model.toStdString();
        config.trainSize = s.historyTrainSize;
        config.testSize = s.historyTrainSize;
        config.epochs = s.historyEpochs;
        config.corruption = CorruptionMode::Labels;
        config.level = double(i % 10 + 1) / 10.0;
        config.seed = std::uint64_t(i + 1);
        RunPipeline pipeline(config, root.toStdString());
        pipeline.setDatasetLoader(loader);
        RunObserver quiet;
        pipeline.run(quiet);
        directories << QString::fromStdString(pipeline.directory());
    }
    return directories;
}

std::map<QString, LatencySummary> summarize(const std::map<QString, std::vector<double>>& times) {
    std::map<QString, LatencySummary> summaries;
    for (const auto& [name, list] : times) summaries[name] = LatencySummary::of(list);
    return summaries;
}

QJsonObject toJson(const LatencySummary& s) {
    return {{"count", s.count}, {"mean_ms", s.mean}, {"p50_ms", s.p50}, {"p99_ms", s.p99}, {"max_ms", s.max}};
}

QString loadAverage() {
    QFile file("/proc/loadavg");
    if (!file.open(QIODevice::ReadOnly)) return "?";
    return QString::fromUtf8(file.readAll()).section(' ', 0, 2);
}

void print(const Settings& s, const std::vector<Phase>& phases, const QString& loadBefore,
           const QString& loadAfter) {
    std::printf("GUI responsiveness: %d finished runs (%d epochs each) and the run in training ticked in "
                "Compare; %s on %d %s images, fastest pace; %d ms probe timer; %d cores, load %s -> %s\n\n",
                s.runs, s.historyEpochs, qPrintable(s.model), s.trainSize, qPrintable(s.dataset),
                s.intervalMs, QThread::idealThreadCount(), qPrintable(loadBefore), qPrintable(loadAfter));
    std::printf("| view shown | seconds | epochs | timer ticks | lateness p50 ms | p99 ms | max ms |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (const Phase& p : phases) {
        std::printf("| %s | %.1f | %d | %d | %.1f | %.1f | %.1f |\n", qPrintable(p.view), p.seconds,
                    p.epochs, p.lateness.count, p.lateness.p50, p.lateness.p99, p.lateness.max);
    }
    std::printf("\n| view shown | chart | replots | mean ms | p50 ms | p99 ms | max ms | CPU mean ms | CPU max ms |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    for (const Phase& p : phases) {
        for (const auto& [name, r] : p.replots) {
            const LatencySummary& cpu = p.replotsCpu.at(name);
            std::printf("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n", qPrintable(p.view),
                        qPrintable(name), r.count, r.mean, r.p50, r.p99, r.max, cpu.mean, cpu.max);
        }
    }
    std::printf("\n| view shown | event (receiver, type) | count | total ms | max ms | CPU total ms | CPU max ms |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (const Phase& p : phases) {
        for (const auto& [name, cost] : p.events) {
            std::printf("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |\n", qPrintable(p.view), qPrintable(name),
                        cost.count, cost.totalMs, cost.maxMs, cost.cpuTotalMs, cost.cpuMaxMs);
        }
    }
    std::fflush(stdout);
}

void writeJson(const Settings& s, const std::vector<Phase>& phases, const QString& loadBefore,
               const QString& loadAfter) {
    QJsonArray list;
    for (const Phase& p : phases) {
        QJsonObject replots;
        for (const auto& [name, r] : p.replots) {
            QJsonObject chart = toJson(r);
            chart["cpu"] = toJson(p.replotsCpu.at(name));
            replots[name] = chart;
        }
        QJsonArray events;
        for (const auto& [name, cost] : p.events)
            events.append(QJsonObject{{"event", name}, {"count", cost.count}, {"total_ms", cost.totalMs},
                                      {"max_ms", cost.maxMs}, {"cpu_total_ms", cost.cpuTotalMs},
                                      {"cpu_max_ms", cost.cpuMaxMs}});
        list.append(QJsonObject{{"view", p.view},
                                {"seconds", p.seconds},
                                {"epochs", p.epochs},
                                {"lateness", toJson(p.lateness)},
                                {"replots", replots},
                                {"events", events}});
    }
    const QJsonObject root{{"runs", s.runs},
                           {"history_epochs", s.historyEpochs},
                           {"model", s.model},
                           {"dataset", s.dataset},
                           {"train_size", s.trainSize},
                           {"interval_ms", s.intervalMs},
                           {"cores", QThread::idealThreadCount()},
                           {"load_before", loadBefore},
                           {"load_after", loadAfter},
                           {"phases", list}};
    QFile file(s.json);
    if (!file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "shatter-gui-bench: cannot write %s\n", qPrintable(s.json));
        return;
    }
    file.write(QJsonDocument(root).toJson());
}

}  // namespace

int main(int argc, char* argv[]) {
    // Settings and run folders stay in a temporary home.
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) useOffscreenScreen(home.path());
    TimedApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterBench");
    QApplication::setApplicationName("ShatterBench");
    const Settings s = parse(app);

    QElapsedTimer clock;
    clock.start();
    const QStringList finished = trainFinishedRuns(s, TrainingController::runsRoot());
    std::fprintf(stderr, "%d finished runs trained in %.1f s\n", int(finished.size()), clock.elapsed() / 1000.0);

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.runList()->refresh();
    window.runList()->setTicked(finished);
    window.setPace(EpochPace::fastest());
    RunConfig config = window.experimentPanel()->config();
    config.dataset = s.dataset.toStdString();
    config.model = s.model.toStdString();
    config.corruption = CorruptionMode::Labels;
    config.level = 1.0;
    config.trainSize = s.trainSize;
    config.testSize = s.testSize;
    config.epochs = 1000;  // stopped once measured
    window.experimentPanel()->setConfig(config);

    ReplotProbe replots;
    EventLoopProbe loop(s.intervalMs);
    // A compared run's new epoch rebuilds the Compare chart: time the new one too.
    QObject::connect(window.liveRun(), &LiveRun::epochAdded, &replots, [&]() { replots.watch(&window); });

    const QString loadBefore = loadAverage();
    window.startRun();
    const auto listed = [&]() {
        const QString directory = window.liveRun()->directory();
        return !directory.isEmpty() && window.runList()->entry(directory) != nullptr &&
               !window.liveRun()->history().epochs().empty();
    };
    if (!waitUntil(listed, 300000)) {
        std::fprintf(stderr, "shatter-gui-bench: the run did not reach its first epoch\n");
        return 1;
    }
    window.runList()->setTicked(finished + QStringList{window.liveRun()->directory()});

    std::vector<Phase> phases;
    const std::vector<std::pair<QString, QWidget*>> views = {
        {"Live", window.viewTabs()->widget(0)}, {"Compare", window.compareView()}};
    for (const auto& [name, view] : views) {
        window.viewTabs()->setCurrentWidget(view);
        spin(500);  // the switch's own redraw is not part of the phase
        replots.watch(&window);
        replots.clear();
        const auto epochsBefore = window.liveRun()->history().epochs().size();
        QElapsedTimer phaseClock;
        phaseClock.start();
        loop.start();
        app.setRecording(true);
        spin(int(s.phaseSeconds * 1000));
        app.setRecording(false);
        loop.stop();
        Phase phase;
        phase.view = name;
        phase.seconds = phaseClock.elapsed() / 1000.0;
        phase.epochs = int(window.liveRun()->history().epochs().size() - epochsBefore);
        phase.lateness = LatencySummary::of(loop.lateness());
        phase.replots = summarize(replots.times());
        phase.replotsCpu = summarize(replots.cpuTimes());
        phase.events = costliest(app.costs(), 8);
        phases.push_back(std::move(phase));
        if (!window.controller()->isActive()) break;
    }
    const QString loadAfter = loadAverage();
    window.controller()->stop();
    waitUntil([&]() { return !window.controller()->isActive(); }, 60000);

    print(s, phases, loadBefore, loadAfter);
    if (!s.json.isEmpty()) writeJson(s, phases, loadBefore, loadAfter);
    return 0;
}
