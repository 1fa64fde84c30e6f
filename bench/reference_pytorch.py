#!/usr/bin/python3
"""Reference run in PyTorch (Python) of the setup `shatter-cli run` trains, for checking that
Shatter's numbers match an independent implementation within run-to-run noise, and for timing
the same work side by side (bench/gpu-check.sh).

Same data (Fashion-MNIST IDX files or CIFAR-10 binary batches), same preprocessing (scale to
[0,1], CIFAR-10 centre-cropped to 28x28, per-image whitening x <- (x - mean) / max(std, 1/sqrt(N))),
the same networks (MLP 1x512, small AlexNet), SGD with momentum, learning rate decayed per epoch,
batch size, whole-set evaluation after every epoch. Random draws differ (Python's generator, not
Shatter's), so compare within noise, not bit for bit.

    /usr/bin/python3 bench/reference_pytorch.py --epochs 20                       # true labels, all data
    /usr/bin/python3 bench/reference_pytorch.py --train-size 2000 --random-labels --lr 0.01 \
        --lr-decay 1 --batch-size 32 --epochs 60                          # the classroom preset
    python3 bench/reference_pytorch.py --dataset cifar10:DIR --model alexnet --device cuda \
        --random-labels --epochs 30 --json out.json                       # timing on a GPU
Needs PyTorch and NumPy (Debian: python3-torch, python3-numpy, hence /usr/bin/python3).
"""
import argparse
import gzip
import json
import math
import os
import time

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def read_cifar10(directory):
    """CIFAR-10 binary batches: records of 1 label byte + 3072 pixel bytes (R, G, B planes)."""
    def read(names):
        raw = b"".join(open(os.path.join(directory, n), "rb").read() for n in names)
        records = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3073)
        return records[:, 1:].reshape(-1, 3, 32, 32), records[:, 0].astype(np.int64)
    if os.path.isdir(os.path.join(directory, "cifar-10-batches-bin")):
        directory = os.path.join(directory, "cifar-10-batches-bin")
    train_x, train_y = read([f"data_batch_{i}.bin" for i in range(1, 6)])
    test_x, test_y = read(["test_batch.bin"])
    return train_x, train_y, test_x, test_y


def whiten(images):
    """uint8 images, N x H x W (grey) or N x 3 x 32 x 32 (CIFAR-10, centre-cropped to 28x28)."""
    x = torch.from_numpy(images.astype(np.float32) / 255.0)
    if x.dim() == 3:
        x = x.unsqueeze(1)
    if x.shape[-1] == 32:
        x = x[:, :, 2:30, 2:30].contiguous()
    flat = x.flatten(1)
    floor = 1.0 / math.sqrt(flat.shape[1])
    std = flat.std(1, unbiased=False, keepdim=True).clamp_min(floor)
    return ((flat - flat.mean(1, keepdim=True)) / std).view_as(x)


def balanced_subset(labels, count, rng):
    if count <= 0 or count >= len(labels):
        return np.arange(len(labels))
    classes = labels.max() + 1
    chosen = []
    for c in range(classes):
        members = np.flatnonzero(labels == c)
        chosen.extend(rng.choice(members, count // classes, replace=False))
    return np.sort(np.array(chosen))


def build_model(name, channels, inputs):
    """The networks of core/model/: MLP 1x512 and the small AlexNet (28x28 input)."""
    nn = torch.nn
    if name == "mlp-1x512":
        return nn.Sequential(nn.Flatten(), nn.Linear(inputs, 512), nn.ReLU(), nn.Linear(512, 10))

    def conv_module(c_in):
        # LibTorch and PyTorch divide alpha by the window size alike.
        return [nn.Conv2d(c_in, 64, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, stride=2, padding=1),
                nn.LocalResponseNorm(9, alpha=0.001, beta=0.75, k=1.0)]
    return nn.Sequential(*conv_module(channels), *conv_module(64), nn.Flatten(), nn.Linear(64 * 7 * 7, 384),
                         nn.ReLU(), nn.Linear(384, 192), nn.ReLU(), nn.Linear(192, 10))


def accuracy(model, images, labels, batch=4096):
    correct = 0
    for i in range(0, len(labels), batch):
        correct += (model(images[i:i + batch]).argmax(1) == labels[i:i + batch]).sum()
    return correct.item() / len(labels)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--dataset", default="", help="cifar10:DIR for CIFAR-10 binary batches")
    p.add_argument("--model", default="mlp-1x512", choices=["mlp-1x512", "alexnet"])
    p.add_argument("--device", default="cpu")
    p.add_argument("--json", default="", help="write timings and final accuracies here")
    p.add_argument("--train-size", type=int, default=0)
    p.add_argument("--test-size", type=int, default=0, help="test images, balanced across classes (0: all)")
    p.add_argument("--random-labels", action="store_true")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--lr-decay", type=float, default=0.95)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()

    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    rng = np.random.default_rng(a.seed)
    load_start = time.time()
    if a.dataset.startswith("cifar10:"):
        train_x, train_y, test_x, test_y = read_cifar10(a.dataset[len("cifar10:"):])
    else:
        train_x = read_idx(os.path.join(a.data, "train-images-idx3-ubyte.gz"))
        train_y = read_idx(os.path.join(a.data, "train-labels-idx1-ubyte.gz")).astype(np.int64)
        test_x = read_idx(os.path.join(a.data, "t10k-images-idx3-ubyte.gz"))
        test_y = read_idx(os.path.join(a.data, "t10k-labels-idx1-ubyte.gz")).astype(np.int64)
    keep = balanced_subset(train_y, a.train_size, rng)
    train_x, train_y = train_x[keep], train_y[keep]
    keep_test = balanced_subset(test_y, a.test_size, rng)
    test_x, test_y = test_x[keep_test], test_y[keep_test]
    if a.random_labels:
        train_y = rng.integers(0, 10, size=len(train_y)).astype(np.int64)

    device = torch.device(a.device)
    xs, ys = whiten(train_x).to(device), torch.from_numpy(train_y).to(device)
    xt, yt = whiten(test_x).to(device), torch.from_numpy(test_y).to(device)
    model = build_model(a.model, xs.shape[1], xs[0].numel()).to(device)
    load_seconds = time.time() - load_start
    opt = torch.optim.SGD(model.parameters(), lr=a.lr, momentum=0.9)
    lr = a.lr
    start = time.time()
    train_seconds = []
    for epoch in range(1, a.epochs + 1):
        epoch_start = time.time()
        for group in opt.param_groups:
            group["lr"] = lr
        model.train()
        order = torch.randperm(len(ys), device=device)
        for i in range(0, len(ys), a.batch_size):
            idx = order[i:i + a.batch_size]
            loss = torch.nn.functional.cross_entropy(model(xs[idx]), ys[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        if device.type == "cuda":
            torch.cuda.synchronize()
        train_seconds.append(time.time() - epoch_start)
        model.eval()
        with torch.no_grad():
            train_acc = accuracy(model, xs, ys)
            test_acc = accuracy(model, xt, yt)
        print(f"epoch {epoch:3d} train {train_acc:.4f} test {test_acc:.4f} "
              f"elapsed {time.time() - start:.1f}s", flush=True)
        lr *= a.lr_decay
    wall = time.time() - start
    median = sorted(train_seconds)[len(train_seconds) // 2]
    print(f"train samples/s (median epoch) {len(ys) / median:.0f}; wall {wall:.1f}s for {a.epochs} epochs "
          f"(+{load_seconds:.1f}s loading)", flush=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"model": a.model, "device": a.device, "epochs": a.epochs, "train_examples": len(ys),
                       "wall_seconds": wall, "load_seconds": load_seconds,
                       "median_epoch_train_seconds": median, "samples_per_second": len(ys) / median,
                       "train_acc": train_acc, "test_acc": test_acc, "torch": torch.__version__}, f, indent=1)


if __name__ == "__main__":
    main()
