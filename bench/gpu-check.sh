#!/usr/bin/env bash
# Shatter's GPU check: builds shatter-cli without Qt and without OpenCV against the LibTorch of
# the local PyTorch installation, then trains CIFAR-10 with random labels on the whole training
# set with MLP 1x512 and small AlexNet, with Shatter (on CUDA twice: training steps replayed as a
# CUDA graph, the default, and without) and with the PyTorch reference script
# (bench/reference_pytorch.py) on the same device, and prints wall times, training throughput,
# their ratios and how far the runs with and without graphs differ (a Markdown table, also
# written to OUT_DIR/gpu-check.md).
#
#   bench/gpu-check.sh CIFAR_DIR OUT_DIR
#
# CIFAR_DIR holds CIFAR-10's binary batches (data_batch_1.bin ... test_batch.bin), directly or in
# cifar-10-batches-bin/. Settings come from the environment (defaults in brackets):
#   DEVICE          cuda or cpu [cuda]
#   MLP_EPOCHS      epochs of MLP 1x512 [100]
#   ALEXNET_EPOCHS  epochs of small AlexNet [30]
#   TRAIN_SIZE      training images, 0 for all [0]
#   MODELS          which networks [mlp-1x512 alexnet]
#   PYTHON          the Python that has PyTorch [python3]
#   DEPS_PREFIX     a folder with include/ and share/cmake/ for nlohmann-json and CLI11 (and
#                   include/zlib.h), for a machine without their -dev packages
#   BUILD_DIR       [build-headless]
#   THREAD_CHECK    1: also time the CPU thread splits at all cores and at half of them, for each
#                   network (shatter-cli bench; about a minute) [1]
# A dry run on a CPU-only machine with Debian's LibTorch:
#   DEVICE=cpu MLP_EPOCHS=2 ALEXNET_EPOCHS=1 TRAIN_SIZE=1000 PYTHON=/usr/bin/python3 \
#     bench/gpu-check.sh CIFAR_DIR /tmp/gpu-check
set -euo pipefail

cifar=${1:?usage: bench/gpu-check.sh CIFAR_DIR OUT_DIR}
out=${2:?usage: bench/gpu-check.sh CIFAR_DIR OUT_DIR}
cd "$(dirname "$0")/.."
DEVICE=${DEVICE:-cuda}
MLP_EPOCHS=${MLP_EPOCHS:-100}
ALEXNET_EPOCHS=${ALEXNET_EPOCHS:-30}
TRAIN_SIZE=${TRAIN_SIZE:-0}
MODELS=${MODELS:-mlp-1x512 alexnet}
PYTHON=${PYTHON:-python3}
BUILD_DIR=${BUILD_DIR:-build-headless}
THREAD_CHECK=${THREAD_CHECK:-1}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cifar=$(cd "$cifar" && pwd)

# 1. Build: core + shatter-cli only, against the PyTorch installation's LibTorch when there is one.
prefix=""
if torch_prefix=$("$PYTHON" -c 'import torch; print(torch.utils.cmake_prefix_path)' 2>/dev/null); then
  prefix="$torch_prefix"
fi
extra=()
if [ -n "${DEPS_PREFIX:-}" ]; then
  DEPS_PREFIX=$(cd "$DEPS_PREFIX" && pwd)
  prefix="${prefix:+$prefix;}$DEPS_PREFIX"
  if [ ! -e /usr/include/zlib.h ] && [ -e "$DEPS_PREFIX/include/zlib.h" ]; then
    libz=$(ldconfig -p | awk '/libz\.so\.1 /{print $NF; exit}')
    extra+=(-DZLIB_INCLUDE_DIR="$DEPS_PREFIX/include" -DZLIB_LIBRARY="$libz")
  fi
fi
echo "== build ($BUILD_DIR; CMAKE_PREFIX_PATH=${prefix:-system})"
build_start=$(date +%s)
build() {  # build GRAPHS_ON_OR_OFF
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DSHATTER_BUILD_GUI=OFF -DSHATTER_WITH_OPENCV=OFF \
    -DSHATTER_BUILD_TESTS=OFF -DSHATTER_CUDA_GRAPHS="$1" ${prefix:+-DCMAKE_PREFIX_PATH="$prefix"} "${extra[@]}" \
    >"$out/cmake.log" 2>&1 || { tail -40 "$out/cmake.log"; return 1; }
  grep -h "Shatter: CUDA graphs" "$out/cmake.log" || true
  cmake --build "$BUILD_DIR" --target shatter-cli -j"$(nproc)" >"$out/build.log" 2>&1 ||
    { grep -E 'error|Error' -A3 "$out/build.log" | head -80; return 1; }
}
# Should the CUDA graph step not compile against this LibTorch, the rest is still measured.
build ON || { echo "== the build with CUDA graphs failed; building without them"; build OFF; } || exit 1
echo "built in $(($(date +%s) - build_start)) s"
cli="$BUILD_DIR/app/shatter-cli"

# 2. Each network: Shatter (on CUDA also without graphs), then the PyTorch script, same data,
#    labels, seeds, epochs and device.
shatter_run() {  # shatter_run MODEL EPOCHS TAG [FLAGS...]
  local model=$1 epochs=$2 tag=$3
  shift 3
  local start
  start=$(date +%s.%N)
  "$cli" run --dataset "cifar10:$cifar" --model "$model" --corruption labels --level 1 --epochs "$epochs" \
    --train-size "$TRAIN_SIZE" --device "$DEVICE" --out "$out/runs" --name "check-$tag" "$@" \
    >"$out/$tag.dir" 2>"$out/$tag.log" || { tail -20 "$out/$tag.log"; return 1; }
  awk -v s="$start" -v e="$(date +%s.%N)" "BEGIN{print e - s}" >"$out/$tag.seconds"
  tail -1 "$out/$tag.log"
}
for model in $MODELS; do
  epochs=$MLP_EPOCHS
  [ "$model" = alexnet ] && epochs=$ALEXNET_EPOCHS
  echo "== $model, random labels, $epochs epochs on $DEVICE"
  shatter_run "$model" "$epochs" "shatter-$model" || exit 1
  if [ "$DEVICE" = cuda ]; then
    echo "== $model again, CUDA graphs off"
    shatter_run "$model" "$epochs" "eager-$model" --no-cuda-graphs || exit 1
  fi
  "$PYTHON" bench/reference_pytorch.py --dataset "cifar10:$cifar" --model "$model" --random-labels \
    --epochs "$epochs" --train-size "$TRAIN_SIZE" --device "$DEVICE" --json "$out/pytorch-$model.json" \
    >"$out/pytorch-$model.log" 2>&1 || { tail -20 "$out/pytorch-$model.log"; exit 1; }
  tail -1 "$out/pytorch-$model.log"
done

# 3. The table.
"$PYTHON" - "$out" $MODELS <<'EOF' | tee "$out/gpu-check.md"
import csv, json, os, statistics, sys
out, models = sys.argv[1], sys.argv[2:]

def run_of(tag):
    path = os.path.join(out, f"{tag}.dir")
    if not os.path.exists(path):
        return None
    run = open(path).read().strip()
    rows = list(csv.DictReader(open(os.path.join(run, "metrics.csv"))))
    config = json.load(open(os.path.join(run, "config.json")))
    examples = config["run"]["train_examples"]
    return {
        "rows": rows,
        "config": config,
        "summary": json.load(open(os.path.join(run, "summary.json"))),
        "samples": examples / statistics.median(float(r["epoch_seconds"]) for r in rows),
        "wall": float(open(os.path.join(out, f"{tag}.seconds")).read()),
    }

print("| network | epochs | Shatter wall s | without graphs wall s | PyTorch wall s | Shatter samples/s "
      "| without graphs samples/s | PyTorch samples/s | ratio to PyTorch | graphs / without "
      "| Shatter train/test | PyTorch train/test |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
notes = []
for model in models:
    ours, eager = run_of(f"shatter-{model}"), run_of(f"eager-{model}")
    ref = json.load(open(os.path.join(out, f"pytorch-{model}.json")))
    s = ours["summary"]
    eager_wall = f"{eager['wall']:.1f}" if eager else "–"
    eager_samples = f"{eager['samples']:,.0f}" if eager else "–"
    speedup = f"{ours['samples'] / eager['samples']:.2f}" if eager else "–"
    print(f"| {model} | {len(ours['rows'])} | {ours['wall']:.1f} | {eager_wall} "
          f"| {ref['wall_seconds'] + ref['load_seconds']:.1f} | {ours['samples']:,.0f} | {eager_samples} "
          f"| {ref['samples_per_second']:,.0f} | {ours['samples'] / ref['samples_per_second']:.2f} | {speedup} "
          f"| {s['train_acc']:.3f} / {s['test_acc']:.3f} | {ref['train_acc']:.3f} / {ref['test_acc']:.3f} |")
    if eager:
        # The same seeds, data and kernels: how far apart the two runs' metrics are.
        diffs = {}
        for column in ("train_loss", "test_loss", "train_acc", "test_acc"):
            diffs[column] = max(abs(float(a[column]) - float(b[column]))
                                for a, b in zip(ours["rows"], eager["rows"]))
        same = sum(a["train_acc"] == b["train_acc"] for a, b in zip(ours["rows"], eager["rows"]))
        notes.append(f"{model}, with and without graphs: largest difference over {len(ours['rows'])} epochs: "
                     + ", ".join(f"{k} {v:.3g}" for k, v in diffs.items())
                     + f"; training accuracy identical in {same} epochs. Device line: {ours['config']['run'].get('device')}")
print()
for note in notes:
    print(f"- {note}")
config = ours["config"]
print(f"- device: {config['run'].get('device', '?')}; LibTorch {config['run'].get('libtorch_version', '?')}; "
      f"PyTorch {ref['torch']}. Wall times include loading the data (Shatter: the whole process).")
EOF

# 4. The CPU thread splits on this machine's cores (the thread rule was measured on 2 and 16).
if [ "$THREAD_CHECK" = 1 ]; then
  cores=$(nproc)
  for threads in "$cores" $((cores / 2)); do
    [ "$threads" -ge 1 ] || continue
    for model in $MODELS; do
      samples=20000
      [ "$model" = alexnet ] && samples=1000
      echo "== CPU threads: $model, $threads of $cores cores" | tee -a "$out/gpu-check.md"
      "$cli" bench --model "$model" --channels 3 --threads "$threads" --samples "$samples" --repetitions 3 \
        2>&1 | tee -a "$out/gpu-check.md"
    done
  done
fi
