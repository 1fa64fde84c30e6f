#include <cmath>
#include <cstdio>

#include "cli/commands.h"
#include "theory/memory_budget.h"
#include "theory/theory_runner.h"
#include "util/text_format.h"

namespace shatter {

int runExpressivityCommand(const TheoryOptions& options) {
    const RunConfig config = options.resolveRun();
    const std::optional<std::int64_t> maxMemory = options.maxMemoryBytes();
    std::fprintf(stderr, "loading %s ...\n", config.dataset.c_str());
    const TheoryData data = TheoryRunner::prepare(config);
    const ExpressivityRun run =
        TheoryRunner::runExpressivity(config, data, maxMemory, options.outRoot());
    const ExpressivityResult& r = run.result;
    std::printf(
        "network    c(x) = sum_j w_j max(<a,x> - b_j, 0): n = %s points in d = %s, %d outputs\n",
        withThousands(r.n).c_str(), withThousands(r.d).c_str(), r.classes);
    std::printf("weights    2n+d = %s per output; %s in all (a and b shared: d + n + %d n)\n",
                withThousands(r.weightsPerOutput).c_str(), withThousands(r.totalWeights).c_str(),
                r.classes);
    std::printf("train acc  %.4f on the assigned labels (%zu corrupted; largest residual %.2g)\n",
                r.trainAcc, data.data.corruptedCount(), r.maxResidual);
    std::printf("test acc   %.4f on %s test images\n", r.testAcc,
                withThousands(data.test.rows).c_str());
    std::printf("min gap    %.3g between neighbouring projections (spread %.3g)\n", r.minGap,
                r.projections.empty() ? 0.0 : r.projections.back() - r.projections.front());
    std::printf("time       %.2f s, memory %s\n", r.seconds,
                MemoryBudget::format(r.bytesNeeded).c_str());
    std::printf("%s\n", run.directory.c_str());
    return kExitOk;
}

}  // namespace shatter
