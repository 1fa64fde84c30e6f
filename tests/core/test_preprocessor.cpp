#include <QtTest>
#include <cmath>
#include <filesystem>

#include "corruption/corruptor.h"
#include "data/dataset_source.h"
#include "train/preprocessor.h"
#include "train/run_preparation.h"

using namespace shatter;

namespace {

// Two 1-channel images of side x side with varied pixels, and a flat one.
ImageSet tinySet(int channels, int side) {
    ImageSet set;
    set.channels = channels;
    set.height = side;
    set.width = side;
    const std::size_t bytes = static_cast<std::size_t>(channels * side * side);
    for (int image = 0; image < 3; ++image) {
        for (std::size_t p = 0; p < bytes; ++p) {
            const int value =
                image == 2
                    ? 77
                    : static_cast<int>((p * 37 + static_cast<std::size_t>(image) * 101) % 256);
            set.pixels.push_back(static_cast<std::uint8_t>(value));
        }
        set.labels.push_back(image);
    }
    return set;
}

// Images like Fashion-MNIST's: mostly black with bright strokes, so rounding and clipping a
// Gaussian with their mean and variance into 0..255 would bend both. Channel 1 is brighter.
Dataset darkImagesWithStrokes(int count, int channels) {
    Dataset dataset;
    dataset.classNames = {"a", "b"};
    for (ImageSet* set : {&dataset.train, &dataset.test}) {
        set->channels = channels;
        set->height = 8;
        set->width = 8;
        for (int image = 0; image < count; ++image) {
            for (int c = 0; c < channels; ++c) {
                for (int p = 0; p < 64; ++p) {
                    const bool stroke = (p * 7 + image * 3 + c) % 10 < 3 + c;
                    set->pixels.push_back(static_cast<std::uint8_t>(stroke ? 230 - 20 * c : 0));
                }
            }
            set->labels.push_back(image % 2);
        }
    }
    return dataset;
}

// Per-channel mean and population standard deviation of (N, C, H, W) values.
std::vector<std::pair<double, double>> channelMoments(const torch::Tensor& images) {
    std::vector<std::pair<double, double>> moments;
    for (std::int64_t c = 0; c < images.size(1); ++c) {
        const torch::Tensor channel = images.select(1, c).to(torch::kFloat64);
        moments.emplace_back(channel.mean().item<double>(),
                             channel.std(/*unbiased=*/false).item<double>());
    }
    return moments;
}

// The paper's per-image whitening, written out: x <- (x - mean) / max(std, 1/sqrt(N)), with the
// population standard deviation over the whole image, pixels first scaled to [0, 1].
std::vector<double> whitenedByHand(const std::vector<double>& pixels) {
    const double n = static_cast<double>(pixels.size());
    double mean = 0.0;
    for (double x : pixels) mean += x;
    mean /= n;
    double variance = 0.0;
    for (double x : pixels) variance += (x - mean) * (x - mean);
    const double stddev = std::max(std::sqrt(variance / n), 1.0 / std::sqrt(n));
    std::vector<double> out;
    for (double x : pixels) out.push_back((x - mean) / stddev);
    return out;
}

}  // namespace

class TestPreprocessor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void whiteningMatchesTheFormula() {
        const ImageSet set = tinySet(1, 28);
        const torch::Tensor prepared = Preprocessor::prepare(set, torch::kCPU);
        QCOMPARE(prepared.sizes().vec(), (std::vector<std::int64_t>{3, 1, 28, 28}));
        for (std::size_t image = 0; image < set.size(); ++image) {
            std::vector<double> pixels;
            for (std::size_t p = 0; p < set.imageBytes(); ++p)
                pixels.push_back(set.image(image)[p] / 255.0);
            const std::vector<double> expected = whitenedByHand(pixels);
            const torch::Tensor actual =
                prepared[static_cast<std::int64_t>(image)].flatten().to(torch::kFloat64);
            for (std::size_t p = 0; p < expected.size(); ++p) {
                QVERIFY(std::abs(actual[static_cast<std::int64_t>(p)].item<double>() -
                                 expected[p]) < 1e-4);
            }
        }
    }

    void flatImageUsesTheFloorAndBecomesZero() {
        const ImageSet set = tinySet(1, 28);
        const torch::Tensor flat = Preprocessor::prepare(set, torch::kCPU)[2];
        QCOMPARE(flat.abs().max().item<float>(), 0.0f);
    }

    void whitenedImageHasZeroMeanAndUnitStd() {
        const torch::Tensor prepared = Preprocessor::prepare(tinySet(3, 28), torch::kCPU);
        for (std::int64_t image = 0; image < 2; ++image) {
            const torch::Tensor x = prepared[image].flatten();
            QVERIFY(std::abs(x.mean().item<double>()) < 1e-5);
            QVERIFY(std::abs(x.std(/*unbiased=*/false).item<double>() - 1.0) < 1e-4);
        }
    }

    void cifarImagesAreCentreCroppedFirst() {
        const ImageSet set = tinySet(3, 32);
        const torch::Tensor prepared = Preprocessor::prepare(set, torch::kCPU);
        QCOMPARE(prepared.sizes().vec(), (std::vector<std::int64_t>{3, 3, 28, 28}));
        // The crop keeps rows and columns 2..29 of each 32x32 plane; whitening then uses them only.
        std::vector<double> pixels;
        for (int c = 0; c < 3; ++c) {
            for (int y = 2; y < 30; ++y) {
                for (int x = 2; x < 30; ++x)
                    pixels.push_back(set.image(0)[(c * 32 + y) * 32 + x] / 255.0);
            }
        }
        const std::vector<double> expected = whitenedByHand(pixels);
        const torch::Tensor actual = prepared[0].flatten().to(torch::kFloat64);
        for (std::size_t p = 0; p < expected.size(); ++p) {
            QVERIFY(std::abs(actual[static_cast<std::int64_t>(p)].item<double>() - expected[p]) <
                    1e-4);
        }
    }

    // docs/PAPER.md §1: the noise the network sees has the training data's per-channel mean and
    // variance, not the moments of a rounded, clipped copy.
    void gaussianInputsMatchTheDataPerChannel() {
        const Dataset dataset = darkImagesWithStrokes(400, 3);
        const CorruptedDataset data = Corruptor::apply(dataset, CorruptionMode::Gaussian, 1.0, 11);
        const torch::Device cpu(torch::kCPU);
        const auto expected = channelMoments(Preprocessor::toUnitRange(dataset.train, cpu));
        const auto seen = channelMoments(Preprocessor::trainingToUnitRange(data, cpu));
        for (std::size_t c = 0; c < expected.size(); ++c) {
            const auto [mean, stddev] = expected[c];
            const auto [noiseMean, noiseStd] = seen[c];
            QVERIFY2(std::abs(noiseMean - mean) < 0.02 * mean &&
                         std::abs(noiseStd - stddev) < 0.02 * stddev,
                     qPrintable(QString("channel %1: mean %2 vs %3, std %4 vs %5")
                                    .arg(c)
                                    .arg(255 * noiseMean)
                                    .arg(255 * mean)
                                    .arg(255 * noiseStd)
                                    .arg(255 * stddev)));
        }
        // The 8-bit copy (for display) is clipped: its spread misses the data's.
        const auto clipped = channelMoments(Preprocessor::toUnitRange(data.train, cpu));
        QVERIFY(std::abs(clipped[0].second - expected[0].second) > 0.02 * expected[0].second);
    }

    // The paper's case on real data: Fashion-MNIST's training images (mean about 73, standard
    // deviation about 90 on the 0..255 scale) against the Gaussian inputs the network sees.
    void gaussianInputsMatchFashionMnist() {
        if (!std::filesystem::exists(DatasetSource::kBuiltInFashionMnistDirectory)) {
            QSKIP("dataset-fashion-mnist is not installed");
        }
        RunConfig config;
        config.dataset = "fashion-mnist";
        config.trainSize = 2000;
        config.corruption = CorruptionMode::Gaussian;
        config.level = 1.0;
        const Dataset fashion = RunPreparation::loadDataset(config);
        RunConfig clean = config;
        clean.corruption = CorruptionMode::None;
        const CorruptedDataset data = RunPreparation::prepare(config, fashion);
        const torch::Device cpu(torch::kCPU);
        const auto [mean, stddev] = channelMoments(
            Preprocessor::toUnitRange(RunPreparation::prepare(clean, fashion).train, cpu))[0];
        const auto [noiseMean, noiseStd] =
            channelMoments(Preprocessor::trainingToUnitRange(data, cpu))[0];
        const auto [clippedMean, clippedStd] =
            channelMoments(Preprocessor::toUnitRange(data.train, cpu))[0];
        qInfo(
            "Fashion-MNIST, 2000 images: data mean %.2f std %.2f; Gaussian inputs mean %.2f std "
            "%.2f "
            "(rounded and clipped into 0..255: mean %.2f std %.2f)",
            255 * mean, 255 * stddev, 255 * noiseMean, 255 * noiseStd, 255 * clippedMean,
            255 * clippedStd);
        QVERIFY(std::abs(noiseMean - mean) < 0.02 * mean);
        QVERIFY(std::abs(noiseStd - stddev) < 0.02 * stddev);
    }

    void gaussianInputsReplaceOnlyTheChosenImages() {
        const Dataset dataset = darkImagesWithStrokes(40, 1);
        const CorruptedDataset data = Corruptor::apply(dataset, CorruptionMode::Gaussian, 0.5, 3);
        const torch::Device cpu(torch::kCPU);
        const torch::Tensor seen = Preprocessor::trainingToUnitRange(data, cpu);
        const torch::Tensor bytes = Preprocessor::toUnitRange(data.train, cpu);
        QCOMPARE(data.gaussian.images.size(), std::size_t{20});
        for (std::size_t i = 0; i < data.train.size(); ++i) {
            const bool same = torch::equal(seen[static_cast<std::int64_t>(i)],
                                           bytes[static_cast<std::int64_t>(i)]);
            QCOMPARE(same, data.corrupted[i] == 0);
        }
        QVERIFY(torch::equal(
            seen, Preprocessor::trainingToUnitRange(data, cpu)));  // same draw every time
    }

    // The training set too, with the Gaussian test's images on both sides of a chunk boundary:
    // bit for bit the set prepared in one piece, the noise drawn in place of those images.
    void chunkedTrainingPreparationEqualsWholeSet() {
        const int count = int(Preprocessor::kPrepareChunk) + 61;
        const Dataset dataset = darkImagesWithStrokes(count, 3);
        const CorruptedDataset data = Corruptor::apply(dataset, CorruptionMode::Gaussian, 0.3, 5);
        const torch::Device cpu(torch::kCPU);
        torch::Tensor whole = Preprocessor::toUnitRange(data.train, cpu);
        bool before = false, after = false;
        for (std::size_t image : data.gaussian.images) {
            const std::vector<float> noise = data.gaussian.draw(image);
            whole[static_cast<std::int64_t>(image)].copy_(
                torch::tensor(noise).div_(255.0f).view(whole.sizes().slice(1)));
            (std::int64_t(image) < Preprocessor::kPrepareChunk ? before : after) = true;
        }
        QVERIFY(before && after);
        QVERIFY(torch::equal(Preprocessor::trainingToUnitRange(data, cpu), whole));
        const torch::Tensor expected = Preprocessor::whiten(Preprocessor::centerCrop(whole));
        QVERIFY(torch::equal(Preprocessor::prepareTraining(data, cpu), expected));
    }

    // Sets larger than one chunk are prepared a chunk at a time, bit for bit as in one piece.
    void chunkedPreparationEqualsWholeSet() {
        ImageSet set;
        set.channels = 3;
        set.height = set.width = 32;
        const std::int64_t count = Preprocessor::kPrepareChunk + 37;
        for (std::int64_t image = 0; image < count; ++image) {
            for (std::size_t p = 0; p < set.imageBytes(); ++p)
                set.pixels.push_back(static_cast<std::uint8_t>((p * 131 + static_cast<std::size_t>(image) * 7919) % 251));
            set.labels.push_back(0);
        }
        const torch::Tensor whole = Preprocessor::whiten(
            Preprocessor::centerCrop(Preprocessor::toUnitRange(set, torch::kCPU)));
        const torch::Tensor chunked = Preprocessor::prepare(set, torch::kCPU);
        QCOMPARE(chunked.sizes().vec(), whole.sizes().vec());
        QVERIFY(torch::equal(chunked, whole));
    }
};

QTEST_GUILESS_MAIN(TestPreprocessor)
#include "test_preprocessor.moc"
