#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "data/balanced_subset.h"
#include "data/cifar10_loader.h"
#include "data/dataset_source.h"
#include "data/idx_loader.h"
#include "data/image_folder_loader.h"
#include "data/image_header.h"
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

// An image of the given size encoded by Qt in `format` ("PNG", "JPEG", ...), as file bytes.
std::string encodedImage(int width, int height, QImage::Format pixelFormat, const char* format) {
    QImage image(width, height, pixelFormat);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format)) return {};
    return bytes.toStdString();
}

// A BMP whose header claims width x height 24-bit pixels, followed by no pixels at all.
std::string bmpHeaderOnly(std::int32_t width, std::int32_t height) {
    std::string bytes = "BM";
    auto put = [&bytes](std::uint32_t value, int width) {
        for (int i = 0; i < width; ++i)
            bytes.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
    };
    put(54, 4), put(0, 4), put(54, 4);  // file size, reserved, offset
    put(40, 4), put(static_cast<std::uint32_t>(width), 4),
        put(static_cast<std::uint32_t>(height), 4);
    put(1, 2), put(24, 2), put(0, 4), put(0, 4), put(0, 4), put(0, 4), put(0, 4), put(0, 4);
    return bytes;
}

// A big-endian ("MM") uncompressed 8-bit grey TIFF of width x height, one strip.
std::string tiffBigEndian(std::uint16_t width, std::uint16_t height) {
    std::string bytes = std::string("MM\0*", 4);
    auto put = [&bytes](std::uint32_t value, int width) {
        for (int i = width - 1; i >= 0; --i)
            bytes.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
    };
    const std::uint32_t pixels = std::uint32_t{width} * height;
    put(8 + pixels, 4);  // the directory follows the pixels
    for (std::uint32_t i = 0; i < pixels; ++i) bytes.push_back(static_cast<char>(i * 7));
    const std::uint32_t entries[][3] = {{256, 3, width}, {257, 3, height}, {258, 3, 8},
                                        {259, 3, 1},     {262, 3, 1},      {273, 4, 8},
                                        {277, 3, 1},     {278, 3, height}, {279, 4, pixels}};
    put(9, 2);
    for (const auto& [tag, type, value] : entries) {
        put(tag, 2), put(type, 2), put(1, 4);
        if (type == 3)
            put(value, 2), put(0, 2);
        else
            put(value, 4);
    }
    put(0, 4);
    return bytes;
}

// A 16x12 lossy WebP, written once with ImageMagick (Qt here has no WebP plugin).
std::string webp16x12() {
    return QByteArray::fromBase64(
               "UklGRlAAAABXRUJQVlA4IEQAAABwAgCdASoQAAwAAgA0JbACdGuA/wFx/geiAVrwAP71hpcF8i2FBJ3Gl//"
               "v2+fqz/"
               "XjAJX/7LL7//0JReHMI+dCSgAAAA==")
        .toStdString();
}

// Used by the image-folder cases, which need OpenCV.
[[maybe_unused]] void writeText(const std::string& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
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

    // Cut on a record boundary, a batch still parses; the counts name the short one, the first too.
    void cifarBatchCutOnARecordBoundaryIsNamed() {
        const Dataset source = test::makeSyntheticDataset(4, 2, 10, 3, 32);
        for (const char* name : {"data_batch_1.bin", "data_batch_4.bin"}) {
            QTemporaryDir dir;
            test::writeCifarFolder(dir.path().toStdString(), source);
            const std::string batch = path(dir, std::string("cifar-10-batches-bin/") + name);
            truncateFile(batch, std::filesystem::file_size(batch) - Cifar10Loader::kRecordBytes);
            expectDataError([&] { Cifar10Loader::readDirectory(dir.path().toStdString()); },
                            {name, "cut short"});
        }
    }

    // Format and size come from the header alone, for every format the image-folder reader lists.
    void imageHeaderReadsSizeOfEachFormat() {
        const std::pair<const char*, ImageHeader::Format> formats[] = {
            {"PNG", ImageHeader::Format::Png},  {"JPEG", ImageHeader::Format::Jpeg},
            {"BMP", ImageHeader::Format::Bmp},  {"PPM", ImageHeader::Format::Pnm},
            {"PGM", ImageHeader::Format::Pnm},  {"TIFF", ImageHeader::Format::Tiff},
            {"WEBP", ImageHeader::Format::WebP}};
        const QList<QByteArray> writable = QImageWriter::supportedImageFormats();
        for (const auto& [name, format] : formats) {
            if (!writable.contains(QByteArray(name).toLower())) continue;  // TIFF, WebP: Qt plugins
            for (QImage::Format pixels :
                 {QImage::Format_RGB888, QImage::Format_Grayscale8, QImage::Format_ARGB32}) {
                const std::string bytes = encodedImage(37, 29, pixels, name);
                QVERIFY2(!bytes.empty(), name);
                const std::optional<ImageHeader> header = ImageHeader::read(bytes);
                QVERIFY2(header.has_value(), name);
                QVERIFY2(header->format == format, name);
                QCOMPARE(header->width, std::uint64_t{37});
                QCOMPARE(header->height, std::uint64_t{29});
                QVERIFY(header->bytesPerPixel >= 1 && header->bytesPerPixel <= 64);
                // Cut anywhere inside the header: no size, never a read past the end.
                for (std::size_t keep = 0; keep < std::min<std::size_t>(bytes.size(), 24); ++keep) {
                    const auto cut = ImageHeader::read(std::string_view(bytes).substr(0, keep));
                    QVERIFY(!cut || (cut->width == 37 && cut->height == 29));
                }
            }
        }
        const auto tiff = ImageHeader::read(tiffBigEndian(33, 30));
        QVERIFY(tiff && tiff->format == ImageHeader::Format::Tiff && tiff->width == 33 &&
                tiff->height == 30);
        const auto webp = ImageHeader::read(webp16x12());
        QVERIFY(webp && webp->format == ImageHeader::Format::WebP && webp->width == 16 &&
                webp->height == 12);
        const std::optional<ImageHeader> bomb = ImageHeader::read(bmpHeaderOnly(30000, -30000));
        QVERIFY(bomb.has_value());
        QCOMPARE(bomb->pixels(), std::uint64_t{900000000});
        const auto pgm = ImageHeader::read("P5 # a comment\n100000 100000\n65535\n");
        QVERIFY(pgm.has_value());
        QCOMPARE(pgm->decodedBytes(), std::uint64_t{20000000000});
        QVERIFY(!ImageHeader::read("GIF89a\x10\0\x10\0").has_value());
        QVERIFY(!ImageHeader::read("\x76\x2f\x31\x01 OpenEXR").has_value());
        QVERIFY(!ImageHeader::read("").has_value());
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

    // Found by fuzz_image_folder: a 54-byte BMP header claiming 30000x30000 pixels made OpenCV
    // allocate 2.7 GB before it noticed the pixels were missing, and a file named .png was decoded
    // as whatever its bytes said (JPEG 2000, EXR, ...). The header is now checked first.
    void imageFolderRefusesHugeAndUnlistedImages() {
        const Dataset source = test::makeSyntheticDataset(2, 2, 2, 1, 32);
        QTemporaryDir dir;
        test::writeImageFolder(dir.path().toStdString(), source);
        const std::string root = dir.path().toStdString();
        const std::string bomb = path(dir, "train/class1/bomb.bmp");
        writeText(bomb, bmpHeaderOnly(30000, 30000));
        expectDataError([&] { ImageFolderLoader::readDirectory(root); },
                        {"bomb.bmp", "30000x30000", "too large"});
        writeText(bomb, "P5\n100000 100000\n255\n");
        expectDataError([&] { ImageFolderLoader::readDirectory(root); },
                        {"bomb.bmp", "PGM/PPM", "too large"});
        writeText(bomb, bmpHeaderOnly(0, 5));
        expectDataError([&] { ImageFolderLoader::readDirectory(root); },
                        {"bomb.bmp", "unreadable"});
        writeText(bomb, "GIF89a\x10\0\x10\0");
        expectDataError([&] { ImageFolderLoader::readDirectory(root); },
                        {"bomb.bmp", "not a valid PNG"});
        std::filesystem::remove(bomb);

        // Every listed format Qt can write here still loads, colour or grey, whatever its size.
        const QList<QByteArray> writable = QImageWriter::supportedImageFormats();
        for (const char* format : {"JPEG", "BMP", "PPM", "PGM", "TIFF", "WEBP"}) {
            if (!writable.contains(QByteArray(format).toLower())) continue;
            const std::string file =
                path(dir, "test/class0/extra." + QByteArray(format).toLower().toStdString());
            writeText(file, encodedImage(45, 40, QImage::Format_RGB888, format));
            const Dataset loaded = ImageFolderLoader::readDirectory(root);
            QCOMPARE(loaded.test.size(), source.test.size() + 1);
            QCOMPARE(loaded.test.height, ImageFolderLoader::kSide);
            std::filesystem::remove(file);
        }
        for (const auto& [name, bytes] : {std::pair{"extra.tiff", tiffBigEndian(40, 35)},
                                          std::pair{"extra.webp", webp16x12()}}) {
            const std::string file = path(dir, std::string("test/class0/") + name);
            writeText(file, bytes);
            QCOMPARE(ImageFolderLoader::readDirectory(root).test.size(), source.test.size() + 1);
            std::filesystem::remove(file);
        }
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
