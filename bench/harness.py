#!/usr/bin/python3
"""Shatter's CPU benchmark harness: the measurements of docs/PERFORMANCE.md, each repeated and
interleaved, reported as medians and as ratios measured in the same run (absolute numbers on a
shared machine are noise; ratios of neighbours are not).

    bench/harness.py throughput --cifar DIR   # 1. Shatter vs the PyTorch script, interleaved pairs
    bench/harness.py profile                  # 2.+3. matmul rate, training vs evaluation FLOP rate
    bench/harness.py load --cifar DIR         # 4a. dataset load times
    bench/harness.py memory --cifar DIR       # 4b. peak resident memory of a full CIFAR-10 run
    bench/harness.py gui                      # 5. the window's event-loop delay and replot times while training
    bench/harness.py all --cifar DIR

Options: --cli (shatter-cli, default build/app/shatter-cli), --python (the Python with PyTorch, default /usr/bin/python3),
--models, --pairs (default 5), --epochs, --train-size; for gui: --gui-bench (default
build/bench/shatter-gui-bench), --gui-rounds (default 1), --phase-seconds (default 12). Every table is printed as Markdown.
Standard library only; the PyTorch side runs bench/reference_pytorch.py.
"""
import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def load_average():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def shatter_training(a, model, workdir, index):
    """Median epoch training throughput (samples/s) of one `shatter-cli run`, and its peak RSS."""
    out = os.path.join(workdir, f"shatter-{model}-{index}")
    cmd = ["/usr/bin/time", "-v", a.cli, "run", "--out", out, "--name", "bench", "--dataset",
           f"cifar10:{a.cifar}", "--model", model, "--train-size", str(a.train_size), "--test-size",
           str(a.test_size), "--epochs", str(a.epochs), "--corruption", "labels", "--seed", str(index + 1)]
    result = run(cmd)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    [folder] = [os.path.join(out, d) for d in os.listdir(out)]
    with open(os.path.join(folder, "metrics.csv")) as f:
        rates = [float(row["samples_per_second"]) for row in csv.DictReader(f)]
    return statistics.median(rates), rss / 1024.0


def python_training(a, model, threads, workdir, index):
    out = os.path.join(workdir, f"python-{model}-{threads}-{index}.json")
    run([a.python, os.path.join(HERE, "reference_pytorch.py"), "--dataset", f"cifar10:{a.cifar}",
         "--model", model, "--train-size", str(a.train_size), "--test-size", str(a.test_size), "--epochs", str(a.epochs),
         "--random-labels", "--threads", str(threads), "--seed", str(index + 1), "--json", out])
    with open(out) as f:
        return json.load(f)["samples_per_second"]


def throughput(a):
    cores = os.cpu_count() or 1
    thread_settings = sorted({1, cores})
    print(f"\n### 1. Training throughput vs the PyTorch script (CIFAR-10, batch 128, "
          f"{a.train_size} images, {a.epochs} epochs, median epoch; load before: {load_average()})\n")
    print("The PyTorch script runs at each of torch.set_num_threads(" +
          ", ".join(map(str, thread_settings)) + ") in every round; its best setting (highest median) "
          "is the one Shatter is compared with.\n")
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for model in a.models:
            shatter, python = [], {t: [] for t in thread_settings}
            for i in range(a.pairs):
                shatter.append(shatter_training(a, model, workdir, i)[0])
                for t in thread_settings:
                    python[t].append(python_training(a, model, t, workdir, i))
                print(f"  {model} round {i + 1}: Shatter {shatter[-1]:.0f}/s, PyTorch " +
                      ", ".join(f"{t} thr {python[t][-1]:.0f}/s" for t in thread_settings), file=sys.stderr)
            best = max(thread_settings, key=lambda t: statistics.median(python[t]))
            ratios = [s / p for s, p in zip(shatter, python[best])]
            rows.append((model, statistics.median(shatter), statistics.median(python[best]), best,
                         statistics.median(ratios), min(ratios), max(ratios)))
    print("| network | Shatter samples/s | PyTorch samples/s | PyTorch threads | ratio (median of pairs) | min | max |")
    print("|---|---|---|---|---|---|---|")
    for model, s, p, t, r, lo, hi in rows:
        print(f"| {model} | {s:,.0f} | {p:,.0f} | {t} | **{r:.2f}** | {lo:.2f} | {hi:.2f} |")
    print(f"\n{a.pairs} rounds; load after: {load_average()}")


def profile(a):
    print(f"\n### 2.-3. Where the time goes (shatter-cli bench --profile; load before: {load_average()})\n")
    for model in a.models:
        result = run([a.cli, "bench", "--profile", "--model", model, "--channels", "3",
                      "--repetitions", str(max(a.pairs, 5)), "--samples", str(a.profile_samples)])
        print("```\n" + result.stdout.rstrip() + "\n```")
    print(f"load after: {load_average()}")


def load(a):
    print(f"\n### 4a. Dataset load time (shatter-cli bench --load; load before: {load_average()})\n")
    for spec in ["fashion-mnist", f"cifar10:{a.cifar}"]:
        result = subprocess.run([a.cli, "bench", "--load", spec, "--repetitions", "5"], capture_output=True,
                                text=True)
        print("    " + (result.stdout.strip() or result.stderr.strip()))


def memory(a):
    print(f"\n### 4b. Peak resident memory of a full CIFAR-10 run, 1 epoch (/usr/bin/time -v; "
          f"load before: {load_average()})\n")
    print("| network | peak RSS |")
    print("|---|---|")
    with tempfile.TemporaryDirectory() as workdir:
        for model in a.models:
            saved = a.train_size, a.epochs, a.test_size
            a.train_size, a.epochs, a.test_size = 0, 1, 0
            _, rss = shatter_training(a, model, workdir, 0)
            a.train_size, a.epochs, a.test_size = saved
            print(f"| {model} | {rss / 1024:.2f} GB |")


GUI_TARGETS = {"lateness p99": 30.0, "replot": 15.0}


def gui(a):
    """5. shatter-gui-bench: the real window, offscreen, while a run trains at full speed."""
    print(f"\n### 5. GUI responsiveness while training (shatter-gui-bench; load before: {load_average()})\n")
    rounds = []
    with tempfile.TemporaryDirectory() as workdir:
        for i in range(a.gui_rounds):
            out = os.path.join(workdir, f"gui-{i}.json")
            result = run([a.gui_bench, "--json", out, "--phase-seconds", str(a.phase_seconds)])
            print(result.stderr.rstrip(), file=sys.stderr)
            with open(out) as f:
                rounds.append(json.load(f))
    first = rounds[0]
    print(f"{first['runs']} finished runs ({first['history_epochs']} epochs each) and the run in training "
          f"ticked in Compare; {first['model']} on {first['train_size']} {first['dataset']} images at the "
          f"fastest pace; a {first['interval_ms']} ms timer on the GUI thread; {first['cores']} cores; "
          f"{len(rounds)} round(s), worst round shown. Targets: timer lateness p99 <= "
          f"{GUI_TARGETS['lateness p99']:.0f} ms, replot p99 <= {GUI_TARGETS['replot']:.0f} ms.\n")
    print("| view shown | epochs/s | lateness p50 ms | p99 ms | max ms | p99 target met |")
    print("|---|---|---|---|---|---|")
    views = [p["view"] for p in first["phases"]]
    for view in views:
        phases = [p for r in rounds for p in r["phases"] if p["view"] == view]
        worst = max(phases, key=lambda p: p["lateness"]["p99_ms"])
        late = worst["lateness"]
        met = "yes" if late["p99_ms"] <= GUI_TARGETS["lateness p99"] else "**no**"
        print(f"| {view} | {worst['epochs'] / worst['seconds']:.2f} | {late['p50_ms']:.1f} | {late['p99_ms']:.1f} | "
              f"{late['max_ms']:.1f} | {met} |")
    print("\n| view shown | chart | replots | mean ms | p99 ms | max ms | CPU mean ms | CPU max ms | p99 target met |")
    print("|---|---|---|---|---|---|---|---|---|")
    for view in views:
        charts = sorted({c for r in rounds for p in r["phases"] if p["view"] == view for c in p["replots"]})
        for chart in charts:
            times = [p["replots"][chart] for r in rounds for p in r["phases"] if p["view"] == view and chart in p["replots"]]
            worst = max(times, key=lambda t: t["p99_ms"])
            met = "yes" if worst["p99_ms"] <= GUI_TARGETS["replot"] else "**no**"
            print(f"| {view} | {chart} | {worst['count']} | {worst['mean_ms']:.1f} | {worst['p99_ms']:.1f} | "
                  f"{worst['max_ms']:.1f} | {worst['cpu']['mean_ms']:.1f} | {worst['cpu']['max_ms']:.1f} | {met} |")
    print("\nWhere the GUI thread's time went (first round; an event's wall time includes waiting for a core):\n")
    print("| view shown | event (receiver, type) | count | total ms | max ms | CPU total ms | CPU max ms |")
    print("|---|---|---|---|---|---|---|")
    for phase in first["phases"]:
        for e in phase["events"][:5]:
            print(f"| {phase['view']} | {e['event']} | {e['count']} | {e['total_ms']:.1f} | {e['max_ms']:.1f} | "
                  f"{e['cpu_total_ms']:.1f} | {e['cpu_max_ms']:.1f} |")
    print(f"\nload after: {load_average()}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["throughput", "profile", "load", "memory", "gui", "all"])
    p.add_argument("--cifar", default="", help="folder of CIFAR-10's binary batches")
    p.add_argument("--cli", default=os.path.join(ROOT, "build/app/shatter-cli"))
    p.add_argument("--python", default="/usr/bin/python3")
    p.add_argument("--models", nargs="+", default=["mlp-1x512", "alexnet"])
    p.add_argument("--pairs", type=int, default=5)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--train-size", type=int, default=5000)
    p.add_argument("--test-size", type=int, default=1000, help="test images evaluated after each epoch (not timed)")
    p.add_argument("--profile-samples", type=int, default=10000)
    p.add_argument("--gui-bench", default=os.path.join(ROOT, "build/bench/shatter-gui-bench"))
    p.add_argument("--gui-rounds", type=int, default=1)
    p.add_argument("--phase-seconds", type=float, default=12.0, help="seconds measured with each view shown")
    a = p.parse_args()
    if a.what in ("throughput", "load", "memory", "all") and not a.cifar:
        p.error("--cifar DIR is needed")
    a.cifar = os.path.abspath(a.cifar) if a.cifar else ""
    print(f"machine: {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    steps = {"throughput": throughput, "profile": profile, "load": load, "memory": memory, "gui": gui}
    for name, step in steps.items():
        if a.what in (name, "all"):
            step(a)


if __name__ == "__main__":
    main()
