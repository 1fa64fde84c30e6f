#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/TARGET/): small valid files
and typical broken ones. Run from anywhere; it rewrites the corpus folder beside it."""
import base64
import gzip
import json
import os
import shutil
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")
SEP = b"\n====\n"
COLUMNS = ["epoch", "train_loss", "train_acc", "train_acc_clean", "train_acc_corrupted",
           "corrupted_predicted_true", "test_loss", "test_acc", "gap", "lr", "epoch_seconds",
           "samples_per_second"]
HEADER = ",".join(COLUMNS)


def put(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def idx_images(count, rows, cols):
    return struct.pack(">IIII", 0x803, count, rows, cols) + bytes((i * 7) % 256 for i in range(count * rows * cols))


def idx_labels(count):
    return struct.pack(">II", 0x801, count) + bytes(i % 10 for i in range(count))


def row(epoch):
    return f"{epoch},2.1,0.3,0.3,,,2.2,0.25,0.05,0.01,1.5,1200"


if os.path.isdir(OUT):
    shutil.rmtree(OUT)

# IDX: images, separator, labels.
put("fuzz_idx", "valid", idx_images(2, 28, 28) + SEP + idx_labels(2))
put("fuzz_idx", "valid-gzip", gzip.compress(idx_images(2, 28, 28), mtime=0) + SEP + gzip.compress(idx_labels(2), mtime=0))
put("fuzz_idx", "small-images", idx_images(3, 4, 4) + SEP + idx_labels(3))
put("fuzz_idx", "wide-images", idx_images(1, 20, 40) + SEP + idx_labels(1))
put("fuzz_idx", "empty", idx_images(0, 28, 28) + SEP + idx_labels(0))
put("fuzz_idx", "count-mismatch", idx_images(2, 28, 28) + SEP + idx_labels(3))
put("fuzz_idx", "truncated", idx_images(2, 28, 28)[:700] + SEP + idx_labels(2))
put("fuzz_idx", "bad-label", idx_images(1, 28, 28) + SEP + struct.pack(">II", 0x801, 1) + b"\xff")
put("fuzz_idx", "huge-count", struct.pack(">IIII", 0x803, 0xFFFFFFFF, 4096, 4096) + SEP + idx_labels(1))
put("fuzz_idx", "gzip-cut", gzip.compress(idx_images(2, 28, 28), mtime=0)[:40] + SEP + idx_labels(2))

# CIFAR-10: 3073-byte records.
record = lambda label: bytes([label]) + bytes((i * 3) % 256 for i in range(3072))
put("fuzz_cifar10", "two-records", record(1) + record(9))
put("fuzz_cifar10", "bad-label", record(10))
put("fuzz_cifar10", "cut-mid-record", (record(1) + record(2))[:5000])
put("fuzz_cifar10", "empty", b"")

# Config JSON.
put("fuzz_config_json", "defaults", "{}")
put("fuzz_config_json", "full", json.dumps({
    "name": "x", "dataset": "fashion-mnist", "train_size": 1000, "test_size": 0, "model": "mlp-1x512",
    "corruption": "labels", "level": 0.5, "epochs": 20, "batch_size": 128, "lr": None, "lr_decay": 0.95,
    "momentum": 0.9, "weight_decay": 0.0, "dropout": 0.0, "random_crop": False, "seed": 1,
    "device": "auto", "threads": 0, "fit_threshold": 0.999, "stop_when_fit": False}, indent=2))
put("fuzz_config_json", "wrapping-int", '{"batch_size": 4294967297, "epochs": 2.7}')
put("fuzz_config_json", "huge-number", '{"lr": 1e309}')
put("fuzz_config_json", "negative-seed", '{"seed": -1}')
put("fuzz_config_json", "unknown-key", '{"epochz": 3}')
put("fuzz_config_json", "not-object", '[1, 2]')
put("fuzz_config_json", "broken", '{"epochs": ')
put("fuzz_config_json", "preset", '{"title": "t", "description": "d", "model": "alexnet", "corruption": "gaussian"}')

# metrics.csv.
put("fuzz_metrics_csv", "two-rows", HEADER + "\n" + row(1) + "\n" + row(2) + "\n")
put("fuzz_metrics_csv", "half-row", HEADER + "\n" + row(1) + "\n2,0.5,0.")
put("fuzz_metrics_csv", "header-only", HEADER + "\n")
put("fuzz_metrics_csv", "empty", "")
put("fuzz_metrics_csv", "huge-epoch", HEADER + "\n" + row(99999999999999) + "\n")
put("fuzz_metrics_csv", "crlf", (HEADER + "\n" + row(1) + "\n").replace("\n", "\r\n"))

# examples.bin: "SHEX", version 1, count, epoch, then 17 bytes per example.
def examples(count, epoch):
    out = b"SHEX" + struct.pack("<III", 1, count, epoch)
    for i in range(count):
        out += struct.pack("<ii", i % 10, (i + 1) % 10) + bytes([i % 2]) + struct.pack("<ii", min(i, epoch), i % 10)
    return out
put("fuzz_examples_bin", "three", examples(3, 2))
put("fuzz_examples_bin", "truncated", examples(3, 2)[:40])
put("fuzz_examples_bin", "huge-count", b"SHEX" + struct.pack("<III", 1, 0xFFFFFFFF, 1))
put("fuzz_examples_bin", "bad-version", b"SHEX" + struct.pack("<III", 7, 0, 0))

# summary.json.
summary = {"status": "finished", "epochs": 2, "train_acc": 0.5, "test_acc": 0.4, "gap": 0.1,
           "epochs_to_fit": None, "samples_per_second": 1000.0, "parameters": 1209866}
put("fuzz_summary_json", "finished", json.dumps(summary))
put("fuzz_summary_json", "failed", json.dumps(dict(summary, status="failed", message="disk full")))
put("fuzz_summary_json", "array", "[1,2]")
put("fuzz_summary_json", "unknown-status", json.dumps(dict(summary, status="exploded")))
put("fuzz_summary_json", "wrong-types", '{"status": "stopped", "epochs": "two", "train_acc": []}')

# A whole run folder: config.json, metrics.csv, summary.json.
config = '{"epochs": 2, "run": {"dataset_name": "Fashion-MNIST", "class_names": ["a", "b"], "parameters": 5}}'
put("fuzz_run_folder", "finished", config.encode() + SEP + (HEADER + "\n" + row(1) + "\n" + row(2) + "\n").encode() + SEP + json.dumps(summary).encode())
put("fuzz_run_folder", "incomplete", config.encode() + SEP + (HEADER + "\n" + row(1) + "\n2,1").encode() + SEP)
put("fuzz_run_folder", "half-row-after-summary", config.encode() + SEP + (HEADER + "\n" + row(1) + "\n2,1").encode() + SEP + json.dumps(summary).encode())
put("fuzz_run_folder", "run-info-wrong", b'{"run": {"parameters": "many", "class_names": 3}}' + SEP + HEADER.encode() + b"\n" + SEP)

# sweep.json.
sweep = {"created_at": "2026-01-01T00:00:00Z", "base": {"epochs": 2, "train_size": 100}, "models": ["mlp-1x512"],
         "modes": ["labels"], "levels": [0, 0.5, 1],
         "runs": [{"name": "mlp-1x512-labels-0", "directory": "20260101-000000-mlp-1x512-labels-0", "status": "finished"},
                  {"name": "mlp-1x512-labels-50", "directory": "x", "status": "running"}]}
put("fuzz_sweep_file", "valid", json.dumps(sweep, indent=2))
put("fuzz_sweep_file", "bad-level", json.dumps(dict(sweep, levels=[2.5])))
put("fuzz_sweep_file", "bad-mode", json.dumps(dict(sweep, modes=["everything"])))
put("fuzz_sweep_file", "runs-not-array", json.dumps(dict(sweep, runs=5)))
put("fuzz_sweep_file", "broken", '{"base": {')


# Image folders: up to four image files (train/a, train/b, test/a, test/b), OpenCV decodes them.
def png(width, height, color_type, depth=8):
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color_type]
    row_bytes = width * channels * depth // 8
    raw = b"".join(b"\0" + bytes((x * 5 + y * 11) % 256 for x in range(row_bytes)) for y in range(height))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def bmp(width, height, pixels=True):
    row = (width * 3 + 3) // 4 * 4
    data = bytes((i * 13) % 256 for i in range(row * height)) if pixels else b""
    return (b"BM" + struct.pack("<IHHI", 54 + row * height, 0, 0, 54)
            + struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, row * height, 2835, 2835, 0, 0) + data)


def tiff(width, height):
    data = bytes((i * 7) % 256 for i in range(width * height))
    entries = [(256, 3, 1, width), (257, 3, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 8), (277, 3, 1, 1), (278, 3, 1, height), (279, 4, 1, len(data))]
    ifd = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHI", tag, kind, count) + (struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value))
        for tag, kind, count, value in entries) + struct.pack("<I", 0)
    return b"II*\0" + struct.pack("<I", 8 + len(data)) + data + ifd


# Written once with ImageMagick (convert -size 16x12 gradient:red-blue, and an 8x8 grey gradient).
JPEG_RGB = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYn"
    "KSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgo"
    "KCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAYH/8QAGRAAAQUAAAAAAAAAAAAAAAAAAAIT"
    "FVFh/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAXEQADAQAAAAAAAAAAAAAAAAAABBZh/9oADAMBAAIRAxEAPwDJpDRIaTDy7Dy7"
    "KNAK4KrdjT//2Q==")
JPEG_GRAY = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAx"
    "NDQ0Hyc5PTgyPC4zNDL/wAALCAAIAAgBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAf/EABcQAAMBAAAAAAAAAAAAAAAAAAAXZKL/"
    "2gAIAQEAAD8AHdVo/9k=")
WEBP_RGB = base64.b64decode(
    "UklGRlAAAABXRUJQVlA4IEQAAABwAgCdASoQAAwAAgA0JbACdGuA/wFx/geiAVrwAP71hpcF8i2FBJ3Gl//v2+fqz/XjAJX/7LL7"
    "//0JReHMI+dCSgAAAA==")

put("fuzz_image_folder", "png-gray", png(8, 8, 0))
put("fuzz_image_folder", "png-rgb", png(40, 30, 2))
put("fuzz_image_folder", "png-rgba", png(32, 32, 6))
put("fuzz_image_folder", "png-gray-alpha", png(5, 7, 4))
put("fuzz_image_folder", "png-16bit", png(9, 9, 2, 16))
put("fuzz_image_folder", "png-mixed", png(8, 8, 0) + SEP + png(12, 10, 2) + SEP + png(33, 31, 6) + SEP + JPEG_GRAY)
put("fuzz_image_folder", "jpeg-rgb", JPEG_RGB)
put("fuzz_image_folder", "jpeg-gray", JPEG_GRAY)
put("fuzz_image_folder", "webp", WEBP_RGB)
put("fuzz_image_folder", "bmp", bmp(6, 4))
put("fuzz_image_folder", "tiff", tiff(10, 6))
put("fuzz_image_folder", "pgm", b"P5\n4 3\n255\n" + bytes(range(12)))
put("fuzz_image_folder", "ppm-ascii", b"P3\n2 1\n255\n255 0 0 0 0 255\n")
put("fuzz_image_folder", "png-bad-crc", png(8, 8, 0)[:29] + b"\0\0\0\0" + png(8, 8, 0)[33:])
put("fuzz_image_folder", "png-truncated", png(40, 30, 2)[:60])
put("fuzz_image_folder", "jpeg-truncated", JPEG_RGB[:200])
put("fuzz_image_folder", "bmp-huge-header", bmp(30000, 30000, pixels=False))
put("fuzz_image_folder", "pgm-huge-header", b"P5\n100000 100000\n255\n" + bytes(16))
put("fuzz_image_folder", "not-an-image", b"hello, this is text\n")
put("fuzz_image_folder", "empty", b"")
