#include <cstdio>

#include "cli/commands.h"
#include "theory/kernel_interpolation.h"
#include "theory/memory_budget.h"
#include "theory/theory_runner.h"
#include "util/text_format.h"

namespace shatter {

int runKernelCommand(const TheoryOptions& options) {
    const RunConfig config = options.resolveRun();
    const KernelSettings settings = options.kernelSettings();
    std::fprintf(stderr, "loading %s ...\n", config.dataset.c_str());
    const TheoryData data = TheoryRunner::prepare(config);
    std::fprintf(stderr, "%s x %s kernel matrix: needs %s of memory (limit %s)\n",
                 withThousands(data.train.rows).c_str(), withThousands(data.train.rows).c_str(),
                 MemoryBudget::format(KernelInterpolation::bytesNeeded(
                                          data.train.rows, data.test.rows, data.classCount()))
                     .c_str(),
                 MemoryBudget::format(MemoryBudget::limitBytes(settings.maxMemoryBytes)).c_str());
    const KernelRun run = TheoryRunner::runKernel(config, data, settings, options.outRoot());
    const KernelResult& r = run.result;
    if (r.kernel == KernelType::Rbf) {
        std::printf("kernel     rbf, bandwidth %.4g%s, ridge %g: n = %s points in d = %s\n",
                    r.bandwidth, r.bandwidthFromMedian ? " (median distance)" : "", r.ridge,
                    withThousands(r.n).c_str(), withThousands(r.d).c_str());
    } else {
        std::printf("kernel     linear, ridge %g: n = %s points in d = %s\n", r.ridge,
                    withThousands(r.n).c_str(), withThousands(r.d).c_str());
    }
    std::printf("train acc  %.4f on the assigned labels (%zu corrupted; largest residual %.2g)\n",
                r.trainAcc, data.data.corruptedCount(), r.maxResidual);
    std::printf("test acc   %.4f on %s test images\n", r.testAcc,
                withThousands(data.test.rows).c_str());
    std::printf("norm       %.4g = sqrt(trace(alpha^T K alpha)), one function per class\n",
                r.rkhsNorm);
    std::printf("time       %.2f s, memory %s (limit %s)\n", r.seconds,
                MemoryBudget::format(r.bytesNeeded).c_str(),
                MemoryBudget::format(r.bytesLimit).c_str());
    std::printf("%s\n", run.directory.c_str());
    return kExitOk;
}

}  // namespace shatter
