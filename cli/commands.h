#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/run_options.h"
#include "figure/animation_settings.h"
#include "cli/theory_options.h"
#include "slurm/slurm_options.h"

namespace shatter {

// The subcommands of shatter-cli. Each returns the process exit code.
int runModelsCommand();
int runTrainCommand(const RunOptions& options, const std::string& outRoot);
int runShowCommand(const std::string& directory);
// Fit-epoch quantiles, the "corrupted predicted as true" peak and forgetting statistics of a run.
int runMemorizationCommand(const std::string& directory);

struct BenchOptions {
    std::string model = "mlp-1x512";
    int channels = 1;
    int batchSize = 128;
    int samples = 20000;
    int repetitions = 3;
    int threads = 0;
    bool profile = false;  // training vs evaluation vs matrix-product rate, at Shatter's policy
    bool calibrate = false;  // record the fastest split in this machine's thread calibration
    int trainSize = 50000;  // epoch shape for the evaluation share
    int testSize = 10000;
    std::string load;  // a dataset spec: time loading it instead
};
int runBenchCommand(const BenchOptions& options);

struct SweepOptions {
    std::vector<std::string> levels;  // as typed; parseLevelList reads them
    std::vector<std::string> modes;
    std::vector<std::string> models;
    std::string out;
    std::string executor = "local";  // local | slurm
    int processes = 1;               // local: worker processes (-j)
    SlurmOptions slurm;
    std::string statusOf;  // --status DIR
    std::string cancelOf;  // --cancel DIR
};
int runSweepCommand(const RunOptions& options, const SweepOptions& sweep);
// `sweep --status DIR` and `sweep --cancel DIR`.
int runSweepStatusCommand(const std::string& directory);
int runSweepCancelCommand(const std::string& directory);
// One point of a sweep folder into its own run folder (a worker process or a Slurm task).
int runSweepPointCommand(const std::string& directory, int index, int threads);
// This executable's path, for starting workers and writing batch scripts.
std::string shatterCliPath();

struct Table1Options {
    std::string dataset;
    std::string out;
    std::vector<std::string> rows;  // empty: all
    std::int64_t trainSize = 0;
    int epochs = 0;
    int threads = 0;
    bool printOnly = false;  // only print the table of the runs already in `out`
};
// Runs Table 1's rows (resumable) and prints them beside the paper's numbers.
int runTable1Command(const Table1Options& options);

struct FigureOptions {
    std::vector<std::string> folders;  // run, sweep or runs folders
    std::string metric = "train_loss";
    std::string out;  // .png, .svg or .pdf
    std::string csv;  // the data behind the plot
    int width = 0;    // PNG pixels / SVG, PDF points; 0: the default
    int height = 0;
    int dpi = 0;      // PNG; 0: the default (200, or 144 for figure1's slide)
    std::string title;
    bool presentation = false;
    bool dark = false;
    bool caption = true;  // a line under the figure naming the runs and their settings
};
// Renders offscreen with Qt; only in builds with the GUI (SHATTER_CLI_FIGURE).
int runFigureCommand(const FigureOptions& options);

struct AnimateOptions {
    std::vector<std::string> folders;  // run, sweep or runs folders
    std::string metric = "train_loss";  // any `figure` takes, figure1 too
    std::string out;                    // .mp4 or .gif
    int fps = AnimationSettings::kDefaultFps;  // limits: AnimationSettings
    double seconds = AnimationSettings::kDefaultSeconds;
    int width = AnimationSettings::kDefaultWidth;
    int height = AnimationSettings::kDefaultHeight;
    std::string title;
    bool presentation = false;
    bool dark = false;
    bool caption = true;
};
// The figure's curves growing epoch by epoch, as MP4 or GIF; like `figure`, only in builds with
// the GUI (SHATTER_CLI_FIGURE).
int runAnimateCommand(const AnimateOptions& options);

// The theory constructions of docs/PAPER.md §6 and §7 on a run's data; each writes a run folder.
int runExpressivityCommand(const TheoryOptions& options);
int runKernelCommand(const TheoryOptions& options);

// Exit codes.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;    // a run failed, or a file could not be read
constexpr int kExitBadInput = 2;  // bad flags, config or data
constexpr int kExitDiverged = 3;
constexpr int kExitStopped = 130;  // interrupted (Ctrl-C)

}  // namespace shatter
