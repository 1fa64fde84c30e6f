#pragma once

#include <string>

#include "data/dataset.h"

namespace shatter {

// Where a dataset comes from, as written in a config or on the command line:
//   fashion-mnist            the built-in default (Debian's dataset-fashion-mnist package)
//   fashion-mnist:DIR        Fashion-MNIST IDX files in DIR
//   mnist:DIR                MNIST IDX files in DIR
//   cifar10:DIR              CIFAR-10 binary batches in DIR (or DIR/cifar-10-batches-bin)
//   folder:DIR               DIR/train/<class>/*, DIR/test/<class>/* images
struct DatasetSource {
    enum class Kind { FashionMnist, Mnist, Cifar10, ImageFolder };

    Kind kind = Kind::FashionMnist;
    std::string directory;  // empty for the built-in Fashion-MNIST

    static constexpr const char* kBuiltInFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    // Throws ConfigError for an unknown kind or a missing directory part.
    static DatasetSource parse(const std::string& spec);
    std::string toString() const;
    // The folder actually read: the built-in path when directory is empty.
    std::string resolvedDirectory() const;

    // Reads the whole dataset; throws DataError naming the file and the problem.
    Dataset load() const;
};

}  // namespace shatter
