#include "cli/cli_application.h"

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"
#include "cli/sweep_executor_options.h"
#include "figure/figure_builder.h"
#include "shatter_error.h"

namespace shatter {

namespace {

// The metrics `figure --metric` takes, from the one list the figures are built from.
[[maybe_unused]] std::string figureMetricHelp() {
    std::string columns;
    std::string panels;
    std::string memorization;
    for (const std::string& name : FigureBuilder::metricNames()) {
        if (name == "figure1") continue;
        std::string& list = FigureBuilder::isSummaryMetric(name)        ? panels
                            : FigureBuilder::isMemorizationMetric(name) ? memorization
                                                                        : columns;
        list += (list.empty() ? "" : ", ") + name;
    }
    return "a metrics.csv column (" + columns + "), a Figure 1 panel (" + panels +
           "), a memorization histogram (" + memorization +
           ") or figure1: all three panels side by side on a 16:9 slide; default train_loss";
}

}  // namespace

int runCliApplication(int argc, char** argv) {
    CLI::App app{"Shatter: watch neural networks memorize random labels (Zhang et al., ICLR 2017)",
                 "shatter-cli"};
    app.require_subcommand(1);

    app.add_subcommand("models", "list the networks with their parameter counts for 28x28x3 input");

    CLI::App* run = app.add_subcommand("run", "train one network and write a run folder");
    RunOptions runOptions;
    std::string outRoot = "runs";
    run->add_option("--out", outRoot, "folder that receives the run folder (default ./runs)");
    runOptions.addTo(*run);

    CLI::App* show = app.add_subcommand("show", "print a run folder's settings, status and per-epoch table");
    std::string showDirectory;
    show->add_option("DIR", showDirectory, "run folder")->required();

    CLI::App* memorization = app.add_subcommand(
        "memorization",
        "print when a run's clean and corrupted examples were fitted and forgotten");
    std::string memorizationDirectory;
    memorization->add_option("RUN_DIR", memorizationDirectory, "run folder")->required();

    CLI::App* sweep = app.add_subcommand("sweep", "train one run per model, mode and level; write sweep.json");
    RunOptions sweepRunOptions;
    SweepOptions sweepOptions;
    sweep->add_option("--out", sweepOptions.out, "sweep folder (running it again resumes it)");
    sweep->add_option("--levels", sweepOptions.levels, "corruption levels (default 0,0.2,0.4,0.6,0.8,1)")->delimiter(',');
    sweep->add_option("--modes", sweepOptions.modes, "corruption modes (default labels)")->delimiter(',');
    sweep->add_option("--models", sweepOptions.models, "networks (default mlp-1x512)")->delimiter(',');
    addSweepExecutorOptions(*sweep, sweepOptions);
    sweepRunOptions.addTo(*sweep);

    CLI::App* table1 = app.add_subcommand(
        "table1",
        "train the paper's Table 1 rows on CIFAR-10 and print them beside the paper's numbers");
    Table1Options table1Options;
    table1->add_option("--dataset", table1Options.dataset, "cifar10:DIR")->required();
    table1
        ->add_option("--out", table1Options.out,
                     "folder of the rows' runs (running it again resumes it)")
        ->required();
    table1
        ->add_option("--rows", table1Options.rows,
                     "row keys, e.g. mlp-1x512,mlp-1x512-random (default: all)")
        ->delimiter(',');
    table1->add_option("--train-size", table1Options.trainSize,
                       "training images, balanced (default 0: all; a subset is shown apart)");
    table1->add_option("--epochs", table1Options.epochs,
                       "epochs per row (default 30 for true labels, up to 60 for random labels)");
    table1->add_option("--threads", table1Options.threads, "CPU threads (default 0: one per core)");
    table1->add_flag("--print-only", table1Options.printOnly,
                     "train nothing, print the table of the runs in --out");

    CLI::App* sweepPoint = app.add_subcommand(
        "sweep-point", "train one point of a sweep folder into SWEEP/<point name> (run by workers and Slurm tasks)");
    std::string sweepPointDirectory;
    int sweepPointIndex = 0;
    int sweepPointThreads = 0;
    sweepPoint->add_option("SWEEP", sweepPointDirectory, "sweep folder holding sweep.json")->required();
    sweepPoint->add_option("--index", sweepPointIndex, "the point, from 0 in the sweep's order")->required();
    sweepPoint->add_option("--threads", sweepPointThreads, "CPU threads (default 0: the sweep's setting)");

#ifdef SHATTER_CLI_FIGURE
    CLI::App* figure = app.add_subcommand("figure", "plot a metric of run or sweep folders to PNG, SVG or PDF (and CSV)");
    FigureOptions figureOptions;
    figure->add_option("DIRS", figureOptions.folders, "run folders, sweep folders or folders of runs")->required();
    figure->add_option("--metric", figureOptions.metric, figureMetricHelp());
    figure->add_option("--out", figureOptions.out, "image file: .png, .svg or .pdf");
    figure->add_option("--csv", figureOptions.csv, "also write the plotted data as CSV");
    figure->add_option("--width", figureOptions.width, "PNG pixels, SVG/PDF points (default 1600 px / 768 pt; figure1 1920 px / 960 pt)")->check(CLI::Range(50, 20000));
    figure->add_option("--height", figureOptions.height, "PNG pixels, SVG/PDF points (default 1000 px / 480 pt; figure1 1080 px / 540 pt)")->check(CLI::Range(50, 20000));
    figure->add_option("--dpi", figureOptions.dpi, "PNG resolution (default 200; figure1 144)")->check(CLI::Range(36, 1200));
    figure->add_option("--title", figureOptions.title, "figure title (default: the metric's)");
    figure->add_flag("--presentation", figureOptions.presentation, "larger type and thicker lines");
    figure->add_flag("--dark", figureOptions.dark, "dark background");
    figure->add_flag("!--no-caption", figureOptions.caption,
                     "leave out the line under the figure that names the runs and their settings");

    CLI::App* animate = app.add_subcommand(
        "animate", "replay a metric of run or sweep folders as a video of its curves growing: MP4 or GIF");
    AnimateOptions animateOptions;
    animate->add_option("DIRS", animateOptions.folders, "run folders, sweep folders or folders of runs")->required();
    animate->add_option("--metric", animateOptions.metric, "what `figure --metric` takes: " + figureMetricHelp());
    animate->add_option("--out", animateOptions.out, "video file: .mp4 (H.264) or .gif (looping)")->required();
    using A = AnimationSettings;
    const std::string side = "in pixels, even, " + std::to_string(A::kMinSide) + " to " + std::to_string(A::kMaxSide);
    animate->add_option("--fps", animateOptions.fps,
                        "frames a second, " + std::to_string(A::kMinFps) + " to " + std::to_string(A::kMaxFps) +
                            " (default " + std::to_string(A::kDefaultFps) + ")");
    animate->add_option("--seconds", animateOptions.seconds,
                        "length, more than 0 and at most " + std::to_string(int(A::kMaxSeconds)) + " (default " +
                            std::to_string(int(A::kDefaultSeconds)) + "); frames: fps x seconds, rounded");
    animate->add_option("--width", animateOptions.width,
                        "frame width " + side + " (default " + std::to_string(A::kDefaultWidth) + ")");
    animate->add_option("--height", animateOptions.height,
                        "frame height " + side + " (default " + std::to_string(A::kDefaultHeight) + ")");
    animate->add_option("--title", animateOptions.title, "figure title (default: the metric's)");
    animate->add_flag("--presentation", animateOptions.presentation, "larger type and thicker lines");
    animate->add_flag("--dark", animateOptions.dark, "dark background");
    animate->add_flag("!--no-caption", animateOptions.caption,
                      "leave out the line under the figure that names the runs and their settings");
#endif

    CLI::App* expressivity = app.add_subcommand(
        "expressivity", "fit the assigned labels with the 2n+d-weight ReLU network of the paper's theorem 1");
    TheoryOptions expressivityOptions;
    expressivityOptions.addTo(*expressivity, /*kernelFlags=*/false);

    CLI::App* kernel = app.add_subcommand("kernel", "solve K alpha = Y: minimum-norm kernel interpolation of the labels");
    TheoryOptions kernelOptions;
    kernelOptions.addTo(*kernel, /*kernelFlags=*/true);

    CLI::App* bench = app.add_subcommand("bench", "measure training throughput under CPU thread settings, or where a network's time goes (--profile)");
    BenchOptions benchOptions;
    bench->add_option("--model", benchOptions.model, "network (default mlp-1x512)");
    bench->add_option("--channels", benchOptions.channels, "input channels, 1 or 3 (default 1)")->check(CLI::Range(1, 3));
    bench->add_option("--batch-size", benchOptions.batchSize, "batch size (default 128)")->check(CLI::PositiveNumber);
    bench->add_option("--samples", benchOptions.samples, "samples per measurement (default 20000)")->check(CLI::PositiveNumber);
    bench->add_option("--repetitions", benchOptions.repetitions, "measurements per setting (default 3)")->check(CLI::PositiveNumber);
    bench->add_option("--threads", benchOptions.threads, "threads to compare (default: one per core)");
    bench->add_flag("--calibrate", benchOptions.calibrate,
                    "record the fastest split for this network, its channels and thread count in this machine's "
                    "thread calibration (~/.cache/shatter/thread-calibration.json); later runs use it");
    bench->add_flag("--profile", benchOptions.profile,
                    "at Shatter's thread policy: training and evaluation throughput, FLOP rates and, for MLPs, "
                    "the matrix-product rate of the network's own shapes");
    bench->add_option("--train-size", benchOptions.trainSize, "with --profile: training examples per epoch (default 50000)")->check(CLI::PositiveNumber);
    bench->add_option("--load", benchOptions.load, "time loading this dataset (fashion-mnist, cifar10:DIR, ...) instead");
    bench->add_option("--test-size", benchOptions.testSize, "with --profile: test examples (default 10000)")->check(CLI::PositiveNumber);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error) == 0 ? kExitOk : kExitBadInput;
    }

    try {
        if (app.got_subcommand("models")) return runModelsCommand();
        if (app.got_subcommand("run")) return runTrainCommand(runOptions, outRoot);
        if (app.got_subcommand("show")) return runShowCommand(showDirectory);
        if (app.got_subcommand("memorization")) return runMemorizationCommand(memorizationDirectory);
        if (app.got_subcommand("sweep")) {
            if (!sweepOptions.statusOf.empty()) return runSweepStatusCommand(sweepOptions.statusOf);
            if (!sweepOptions.cancelOf.empty()) return runSweepCancelCommand(sweepOptions.cancelOf);
            if (sweepOptions.out.empty()) {
                std::fprintf(stderr, "shatter-cli sweep: --out is required (or --status DIR, --cancel DIR)\n");
                return kExitBadInput;
            }
            return runSweepCommand(sweepRunOptions, sweepOptions);
        }
        if (app.got_subcommand("sweep-point")) {
            return runSweepPointCommand(sweepPointDirectory, sweepPointIndex, sweepPointThreads);
        }
        if (app.got_subcommand("table1")) return runTable1Command(table1Options);
        if (app.got_subcommand("bench")) return runBenchCommand(benchOptions);
        if (app.got_subcommand("expressivity")) return runExpressivityCommand(expressivityOptions);
        if (app.got_subcommand("kernel")) return runKernelCommand(kernelOptions);
#ifdef SHATTER_CLI_FIGURE
        if (app.got_subcommand("figure")) return runFigureCommand(figureOptions);
        if (app.got_subcommand("animate")) return runAnimateCommand(animateOptions);
#endif
    } catch (const SchedulerError& error) {
        std::fprintf(stderr, "shatter-cli: %s\n", error.what());
        return kExitFailed;
    } catch (const ConfigError& error) {
        std::fprintf(stderr, "shatter-cli: %s\n", error.what());
        return kExitBadInput;
    } catch (const DataError& error) {
        std::fprintf(stderr, "shatter-cli: %s\n", error.what());
        return kExitBadInput;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "shatter-cli: %s\n", error.what());
        return kExitFailed;
    }
    return kExitBadInput;
}

}  // namespace shatter
