#!/usr/bin/python3
"""Reference run in PyTorch (Python) of the setup `shatter-cli run` trains, for checking that
Shatter's numbers match an independent implementation within run-to-run noise.

Same data (Fashion-MNIST IDX files), same preprocessing (scale to [0,1], per-image whitening
x <- (x - mean) / max(std, 1/sqrt(N))), same MLP 1x512, SGD with momentum, learning rate decayed
per epoch, batch size, whole-set evaluation after every epoch. Random draws differ (Python's
generator, not Shatter's), so compare within noise, not bit for bit.

    /usr/bin/python3 bench/reference_pytorch.py --epochs 20                       # true labels, all data
    /usr/bin/python3 bench/reference_pytorch.py --train-size 2000 --random-labels --lr 0.01 \
        --lr-decay 1 --batch-size 32 --epochs 60                          # the classroom preset
Needs Debian's python3-torch and python3-numpy (hence /usr/bin/python3).
"""
import argparse
import gzip
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


def whiten(images):
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--train-size", type=int, default=0)
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
    train_x = read_idx(os.path.join(a.data, "train-images-idx3-ubyte.gz"))
    train_y = read_idx(os.path.join(a.data, "train-labels-idx1-ubyte.gz")).astype(np.int64)
    test_x = read_idx(os.path.join(a.data, "t10k-images-idx3-ubyte.gz"))
    test_y = read_idx(os.path.join(a.data, "t10k-labels-idx1-ubyte.gz")).astype(np.int64)
    keep = balanced_subset(train_y, a.train_size, rng)
    train_x, train_y = train_x[keep], train_y[keep]
    if a.random_labels:
        train_y = rng.integers(0, 10, size=len(train_y)).astype(np.int64)

    xs, ys = whiten(train_x), torch.from_numpy(train_y)
    xt, yt = whiten(test_x), torch.from_numpy(test_y)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 512), torch.nn.ReLU(),
                                torch.nn.Linear(512, 10))
    opt = torch.optim.SGD(model.parameters(), lr=a.lr, momentum=0.9)
    lr = a.lr
    start = time.time()
    for epoch in range(1, a.epochs + 1):
        for group in opt.param_groups:
            group["lr"] = lr
        model.train()
        order = torch.randperm(len(ys))
        for i in range(0, len(ys), a.batch_size):
            idx = order[i:i + a.batch_size]
            loss = torch.nn.functional.cross_entropy(model(xs[idx]), ys[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            train_acc = (model(xs).argmax(1) == ys).float().mean().item()
            test_acc = (model(xt).argmax(1) == yt).float().mean().item()
        print(f"epoch {epoch:3d} train {train_acc:.4f} test {test_acc:.4f} "
              f"elapsed {time.time() - start:.1f}s", flush=True)
        lr *= a.lr_decay


if __name__ == "__main__":
    main()
