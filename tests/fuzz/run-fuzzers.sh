#!/bin/bash
# Runs every fuzz target for SECONDS each (default 60), JOBS at a time (default 1), starting from
# the seed corpus in tests/fuzz/corpus and growing a working corpus in BUILD/fuzz-corpus. Prints
# one line per target with its executions, corpus size and result; exits 1 if any target found
# a crash (the reproducer is left in BUILD/fuzz-crashes/TARGET/).
#   tests/fuzz/run-fuzzers.sh [SECONDS] [JOBS] [BUILD] [TARGET...]   (BUILD defaults to build-fuzz;
#                                                                    no TARGET: all of them)
set -u
seconds=${1:-60}
jobs=${2:-1}
build=${3:-build-fuzz}
shift $(( $# < 3 ? $# : 3 ))
here=$(cd "$(dirname "$0")" && pwd)
fuzzers="$build/tests/fuzz"
targets="fuzz_idx fuzz_cifar10 fuzz_config_json fuzz_metrics_csv fuzz_summary_json fuzz_examples_bin fuzz_run_folder fuzz_sweep_file"

for target in $targets; do
    [ -x "$fuzzers/$target" ] || { echo "$fuzzers/$target: not built (cmake -DSHATTER_FUZZ=ON, see tests/fuzz/CMakeLists.txt)" >&2; exit 2; }
done
# The image-folder reader is fuzzed where the build has OpenCV (SHATTER_WITH_OPENCV, the default).
if [ -x "$fuzzers/fuzz_image_folder" ]; then
    targets="$targets fuzz_image_folder"
else
    echo "fuzz_image_folder: not built (configured with -DSHATTER_WITH_OPENCV=OFF), skipped" >&2
fi
if [ $# -gt 0 ]; then
    for target in "$@"; do
        [ -x "$fuzzers/$target" ] || { echo "$fuzzers/$target: no such fuzz target" >&2; exit 2; }
    done
    targets="$*"
fi

run_one() {
    target=$1
    corpus="$build/fuzz-corpus/$target"
    crashes="$build/fuzz-crashes/$target"
    mkdir -p "$corpus" "$crashes"
    log="$build/fuzz-logs/$target.log"
    mkdir -p "$(dirname "$log")"
    scratch=$(mktemp -d)
    started=$SECONDS
    TMPDIR="$scratch" "$fuzzers/$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
        -timeout=10 -artifact_prefix="$crashes/" -print_final_stats=1 \
        "$corpus" "$here/corpus/$target" > "$log" 2>&1
    status=$?
    elapsed=$((SECONDS - started))
    rm -rf "$scratch"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    files=$(find "$corpus" -type f | wc -l)
    if [ $status -eq 0 ]; then result=clean; else result="FAILED (exit $status, see $log)"; fi
    echo "$target: ${elapsed}s, ${execs:-?} executions, corpus $files files, $result"
    return $status
}

failed=0
running=0
for target in $targets; do
    run_one "$target" &
    running=$((running + 1))
    if [ $running -ge "$jobs" ]; then
        wait -n 2>/dev/null || wait
        running=$((running - 1))
    fi
done
wait
for target in $targets; do
    if [ -n "$(find "$build/fuzz-crashes/$target" -type f 2>/dev/null)" ]; then failed=1; fi
done
exit $failed
