#include <QtTest>
#include <cmath>

#include "train/preprocessor.h"

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
