#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "data/balanced_subset.h"
#include "data/cifar10_loader.h"
#include "data/dataset_source.h"
#include "data/idx_loader.h"
#include "data/image_folder_loader.h"
#include "shatter_error.h"
#include "support/fixtures.h"

using namespace shatter;

namespace {

// Runs `action`, expects a DataError whose message contains every fragment.
template <typename Action>
void expectDataError(Action action, std::initializer_list<const char*> fragments) {
    try {
        action();
    } catch (const DataError& error) {
        const QString message = QString::fromUtf8(error.what());
        for (const char* fragment : fragments) {
            QVERIFY2(message.contains(QString::fromUtf8(fragment)), qPrintable("message: " + message));
        }
        return;
    }
    QFAIL("no DataError thrown");
}

std::string path(const QTemporaryDir& dir, const std::string& name) {
    return dir.path().toStdString() + "/" + name;
}

void truncateFile(const std::string& file, std::size_t keep) {
    std::filesystem::resize_file(file, keep);
}

}  // namespace

class TestDataLoaders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void idxRoundTripPlainAndGzip() {
        const Dataset source = test::makeSyntheticDataset(5, 2, 10, 1, 28);
        for (bool gzip : {false, true}) {
            QTemporaryDir dir;
            test::writeMnistFolder(dir.path().toStdString(), source, gzip);
            const Dataset loaded = IdxLoader::readDirectory(dir.path().toStdString(), "MNIST", source.classNames);
            QCOMPARE(loaded.train.size(), std::size_t{50});
            QCOMPARE(loaded.test.size(), std::size_t{20});
            QCOMPARE(loaded.train.channels, 1);
            QCOMPARE(loaded.train.height, 28);
            QVERIFY(loaded.train.pixels == source.train.pixels);
            QVERIFY(loaded.train.labels == source.train.labels);
            QVERIFY(loaded.test.pixels == source.test.pixels);
        }
    }

    void idxErrorsNameTheFile() {
        const Dataset source = test::makeSyntheticDataset(3, 1, 10, 1, 28);
        QTemporaryDir dir;
        test::writeMnistFolder(dir.path().toStdString(), source, false);
        const std::string images = path(dir, "train-images-idx3-ubyte");
        const std::string labels = path(dir, "train-labels-idx1-ubyte");

        // Wrong size: a few bytes cut off the end.
        truncateFile(images, 16 + 28 * 28 * 30 - 5);
        expectDataError([&] { IdxLoader::readSplit(images, labels, 10); },
                        {"train-images-idx3-ubyte", "bytes, expected"});

        // Bad magic number.
        std::vector<std::uint8_t> bytes = test::idxImagesBytes(source.train);
        bytes[3] = 0x01;
        test::writeBytes(images, bytes, false);
        expectDataError([&] { IdxLoader::readSplit(images, labels, 10); }, {"train-images-idx3-ubyte", "bad magic"});

        // Label count that disagrees with the image count.
        test::writeBytes(images, test::idxImagesBytes(source.train), false);
        std::vector<int> fewer(source.train.labels.begin(), source.train.labels.end() - 1);
        test::writeBytes(labels, test::idxLabelsBytes(fewer), false);
        expectDataError([&] { IdxLoader::readSplit(images, labels, 10); }, {"train-labels-idx1-ubyte", "29 labels"});

        // Missing file.
        std::filesystem::remove(labels);
        expectDataError([&] { IdxLoader::readDirectory(dir.path().toStdString(), "MNIST", source.classNames); },
                        {"train-labels-idx1-ubyte", "not found"});
    }

    void truncatedGzipIsReported() {
        const Dataset source = test::makeSyntheticDataset(20, 2, 10, 1, 28);
        QTemporaryDir dir;
        test::writeMnistFolder(dir.path().toStdString(), source, true);
        const std::string images = path(dir, "train-images-idx3-ubyte.gz");
        truncateFile(images, std::filesystem::file_size(images) / 2);
        expectDataError([&] { IdxLoader::readDirectory(dir.path().toStdString(), "MNIST", source.classNames); },
                        {"train-images-idx3-ubyte.gz"});
    }

    void cifarRoundTripAndErrors() {
        const Dataset source = test::makeSyntheticDataset(4, 2, 10, 3, 32);
        QTemporaryDir dir;
        test::writeCifarFolder(dir.path().toStdString(), source);
        // Both the parent folder and cifar-10-batches-bin itself are accepted.
        for (const std::string& folder : {dir.path().toStdString(), path(dir, "cifar-10-batches-bin")}) {
            const Dataset loaded = Cifar10Loader::readDirectory(folder);
            QCOMPARE(loaded.train.size(), std::size_t{40});
            QCOMPARE(loaded.test.size(), std::size_t{20});
            QCOMPARE(loaded.train.channels, 3);
            QVERIFY(loaded.train.pixels == source.train.pixels);
            QVERIFY(loaded.classNames == source.classNames);
        }
        const std::string batch3 = path(dir, "cifar-10-batches-bin/data_batch_3.bin");
        truncateFile(batch3, 3073 * 2 + 100);
        expectDataError([&] { Cifar10Loader::readDirectory(dir.path().toStdString()); },
                        {"data_batch_3.bin", "6,246 bytes", "multiple of 3073"});
        expectDataError([&] { Cifar10Loader::readDirectory(path(dir, "nowhere")); }, {"nowhere", "not found"});
    }

#ifndef SHATTER_WITH_OPENCV
    // Built without OpenCV: image folders say so, and nothing else changes.
    void imageFoldersAreUnavailableWithoutOpenCv() {
        const Dataset source = test::makeSyntheticDataset(3, 2, 3, 3, 32);
        QTemporaryDir dir;
        test::writeImageFolder(dir.path().toStdString(), source);
        expectDataError([&] { ImageFolderLoader::readDirectory(dir.path().toStdString()); },
                        {"unavailable", "OpenCV"});
    }
#else
    void imageFolderRoundTripAndErrors() {
        const Dataset source = test::makeSyntheticDataset(3, 2, 3, 3, 32);
        QTemporaryDir dir;
        test::writeImageFolder(dir.path().toStdString(), source);
        const Dataset loaded = ImageFolderLoader::readDirectory(dir.path().toStdString());
        QCOMPARE(loaded.classNames, source.classNames);
        QCOMPARE(loaded.train.size(), std::size_t{9});
        QCOMPARE(loaded.test.size(), std::size_t{6});
        QCOMPARE(loaded.train.channels, 3);
        QCOMPARE(loaded.train.height, 32);
        // PNG is lossless: pixels survive. Images come back sorted by class, then file name, so
        // compare each image's position-weighted checksum as a sorted list.
        auto checksums = [](const ImageSet& set) {
            std::vector<std::uint64_t> sums;
            for (std::size_t i = 0; i < set.size(); ++i) {
                std::uint64_t sum = 0;
                for (std::size_t p = 0; p < set.imageBytes(); ++p) sum += (p + 1) * set.image(i)[p];
                sums.push_back(sum);
            }
            std::sort(sums.begin(), sums.end());
            return sums;
        };
        QVERIFY(checksums(source.train) == checksums(loaded.train));

        // An unreadable image.
        const std::string bogus = path(dir, "train/class1/zz-broken.png");
        std::ofstream(bogus) << "not a png";
        expectDataError([&] { ImageFolderLoader::readDirectory(dir.path().toStdString()); }, {"zz-broken.png", "unreadable"});
        std::filesystem::remove(bogus);

        // An empty class folder.
        std::filesystem::create_directories(path(dir, "test/class2-empty"));
        std::filesystem::create_directories(path(dir, "train/class2-empty"));
        expectDataError([&] { ImageFolderLoader::readDirectory(dir.path().toStdString()); }, {"class2-empty", "empty class folder"});
    }

    void imageFolderResizesMixedSizes() {
        Dataset source = test::makeSyntheticDataset(2, 1, 2, 1, 20);
        QTemporaryDir dir;
        test::writeImageFolder(dir.path().toStdString(), source);
        const Dataset loaded = ImageFolderLoader::readDirectory(dir.path().toStdString());
        QCOMPARE(loaded.train.height, ImageFolderLoader::kSide);
        QCOMPARE(loaded.train.channels, 1);
    }
#endif

    void balancedSubsetIsBalancedAndSeeded() {
        const ImageSet set = test::makeSyntheticImages(50, 10, 1, 8, 3);
        const auto a = BalancedSubset::chooseIndices(set, 10, 205, 42);
        const auto b = BalancedSubset::chooseIndices(set, 10, 205, 42);
        const auto c = BalancedSubset::chooseIndices(set, 10, 205, 43);
        QCOMPARE(a.size(), std::size_t{205});
        QVERIFY(a == b);
        QVERIFY(a != c);
        std::vector<int> perClass(10, 0);
        for (std::size_t i : a) perClass[static_cast<std::size_t>(set.labels[i])]++;
        for (int count : perClass) QVERIFY2(count == 20 || count == 21, qPrintable(QString::number(count)));
        QVERIFY(std::adjacent_find(a.begin(), a.end(), std::greater_equal<>()) == a.end());  // ascending, unique
        QCOMPARE(BalancedSubset::chooseIndices(set, 10, 10000, 1).size(), set.size());
    }

    void builtInFashionMnistLoads() {
        if (!std::filesystem::exists(DatasetSource::kBuiltInFashionMnistDirectory)) {
            QSKIP("dataset-fashion-mnist is not installed");
        }
        const Dataset fashion = DatasetSource::parse("fashion-mnist").load();
        QCOMPARE(fashion.train.size(), std::size_t{60000});
        QCOMPARE(fashion.test.size(), std::size_t{10000});
        QCOMPARE(fashion.classNames.at(9), std::string("Ankle boot"));
    }

    void datasetSpecParsing() {
        QVERIFY(DatasetSource::parse("cifar10:/data/c").kind == DatasetSource::Kind::Cifar10);
        QCOMPARE(DatasetSource::parse("folder:/x").directory, std::string("/x"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, DatasetSource::parse("imagenet:/x"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, DatasetSource::parse("cifar10"));
    }
};

QTEST_GUILESS_MAIN(TestDataLoaders)
#include "test_data_loaders.moc"
