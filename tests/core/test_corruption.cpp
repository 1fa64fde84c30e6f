#include <QtTest>
#include <set>

#include "corruption/corruptor.h"
#include "shatter_error.h"
#include "support/fixtures.h"

using namespace shatter;

namespace {

// Each image's pixel values as a multiset (a permutation keeps them).
std::multiset<std::uint8_t> pixelValues(const ImageSet& set, std::size_t i) {
    return {set.image(i), set.image(i) + set.imageBytes()};
}

bool sameImage(const ImageSet& a, const ImageSet& b, std::size_t i) {
    return std::equal(a.image(i), a.image(i) + a.imageBytes(), b.image(i));
}

}  // namespace

class TestCorruption : public QObject {
    Q_OBJECT

    Dataset m_dataset = test::makeSyntheticDataset(200, 20, 10, 1, 12);

private Q_SLOTS:
    void noneChangesNothing() {
        const CorruptedDataset out = Corruptor::apply(m_dataset, CorruptionMode::None, 1.0, 5);
        QVERIFY(out.train.pixels == m_dataset.train.pixels);
        QVERIFY(out.train.labels == m_dataset.train.labels);
        QCOMPARE(out.corruptedCount(), std::size_t{0});
    }

    void labelShareChangedIsAboutNineTenthsOfLevel() {
        for (double level : {0.2, 0.5, 0.8, 1.0}) {
            const CorruptedDataset out = Corruptor::apply(m_dataset, CorruptionMode::Labels, level, 7);
            std::size_t changed = 0;
            for (std::size_t i = 0; i < out.train.size(); ++i) {
                const bool differs = out.train.labels[i] != out.trueLabels[i];
                changed += differs;
                QCOMPARE(out.corrupted[i] != 0, differs);  // the flag means "label actually changed"
                QVERIFY(out.train.labels[i] >= 0 && out.train.labels[i] < 10);
            }
            const double share = static_cast<double>(changed) / static_cast<double>(out.train.size());
            // 2,000 labels: standard deviation of the share is below 0.012.
            QVERIFY2(std::abs(share - 0.9 * level) < 0.04,
                     qPrintable(QString("level %1: share %2").arg(level).arg(share)));
            QVERIFY(out.trueLabels == m_dataset.train.labels);
            QVERIFY(out.train.pixels == m_dataset.train.pixels);
        }
    }

    void randomLabelsAreUniformOverClasses() {
        const CorruptedDataset out = Corruptor::apply(m_dataset, CorruptionMode::Labels, 1.0, 3);
        std::vector<int> counts(10, 0);
        for (int label : out.train.labels) counts[static_cast<std::size_t>(label)]++;
        for (int count : counts) QVERIFY2(count > 140 && count < 260, qPrintable(QString::number(count)));
    }

    void deterministicBySeed() {
        for (CorruptionMode mode : {CorruptionMode::Labels, CorruptionMode::ShuffledPixels,
                                    CorruptionMode::RandomPixels, CorruptionMode::Gaussian}) {
            const CorruptedDataset a = Corruptor::apply(m_dataset, mode, 0.5, 99);
            const CorruptedDataset b = Corruptor::apply(m_dataset, mode, 0.5, 99);
            const CorruptedDataset c = Corruptor::apply(m_dataset, mode, 0.5, 100);
            QVERIFY(a.train.pixels == b.train.pixels && a.train.labels == b.train.labels);
            QVERIFY(a.corrupted == b.corrupted);
            QVERIFY(a.train.pixels != c.train.pixels || a.train.labels != c.train.labels);
        }
    }

    void testSetStaysCleanExceptShuffledPixels() {
        for (CorruptionMode mode : {CorruptionMode::Labels, CorruptionMode::RandomPixels, CorruptionMode::Gaussian}) {
            const CorruptedDataset out = Corruptor::apply(m_dataset, mode, 1.0, 1);
            QVERIFY(out.test.pixels == m_dataset.test.pixels);
            QVERIFY(out.test.labels == m_dataset.test.labels);
        }
        const CorruptedDataset shuffled = Corruptor::apply(m_dataset, CorruptionMode::ShuffledPixels, 1.0, 1);
        QVERIFY(shuffled.test.labels == m_dataset.test.labels);
        QVERIFY(shuffled.test.pixels != m_dataset.test.pixels);
    }

    void shuffledPixelsUsesOnePermutationEverywhere() {
        const CorruptedDataset out = Corruptor::apply(m_dataset, CorruptionMode::ShuffledPixels, 1.0, 4);
        QCOMPARE(out.corruptedCount(), out.train.size());
        QVERIFY(out.train.labels == m_dataset.train.labels);
        // Recover the permutation from an image with distinct pixels: build one.
        Dataset probe = m_dataset;
        const std::size_t n = probe.train.imageBytes();
        for (std::size_t p = 0; p < n; ++p) {
            probe.train.image(0)[p] = static_cast<std::uint8_t>(p);
            probe.test.image(0)[p] = static_cast<std::uint8_t>(p);
        }
        const CorruptedDataset moved = Corruptor::apply(probe, CorruptionMode::ShuffledPixels, 1.0, 4);
        QVERIFY(sameImage(moved.train, moved.test, 0));  // same permutation for train and test
        QVERIFY(!sameImage(moved.train, probe.train, 0));
        QVERIFY(pixelValues(moved.train, 0) == pixelValues(probe.train, 0));
        for (std::size_t i = 1; i < 20; ++i) QVERIFY(pixelValues(out.train, i) == pixelValues(m_dataset.train, i));
    }

    // docs/PAPER.md §1: the test set gets the training set's share of shuffled images, so level 0
    // is the true data and level 1 the paper's setting.
    void shuffledPixelsShuffleTheLevelsShareOfTestImages() {
        for (double level : {0.0, 0.5, 1.0}) {
            const CorruptedDataset out =
                Corruptor::apply(m_dataset, CorruptionMode::ShuffledPixels, level, 4);
            std::size_t shuffled = 0;
            for (std::size_t i = 0; i < out.test.size(); ++i) {
                if (!sameImage(out.test, m_dataset.test, i)) {
                    ++shuffled;
                    QVERIFY(pixelValues(out.test, i) == pixelValues(m_dataset.test, i));
                }
            }
            const auto expected =
                static_cast<std::size_t>(std::llround(level * double(out.test.size())));
            QVERIFY2(shuffled == expected,
                     qPrintable(QString("level %1: %2 of %3 test images shuffled")
                                    .arg(level)
                                    .arg(shuffled)
                                    .arg(out.test.size())));
            QCOMPARE(out.corruptedCount(),
                     static_cast<std::size_t>(std::llround(level * double(out.train.size()))));
        }
    }

    void randomPixelsPermutesEachImageDifferently() {
        Dataset probe = m_dataset;
        const std::size_t n = probe.train.imageBytes();
        for (std::size_t i = 0; i < 2; ++i) {
            for (std::size_t p = 0; p < n; ++p) probe.train.image(i)[p] = static_cast<std::uint8_t>(p);
        }
        const CorruptedDataset out = Corruptor::apply(probe, CorruptionMode::RandomPixels, 1.0, 8);
        QVERIFY(!sameImage(out.train, probe.train, 0));
        QVERIFY(!std::equal(out.train.image(0), out.train.image(0) + n, out.train.image(1)));
        QVERIFY(pixelValues(out.train, 0) == pixelValues(probe.train, 0));
        QVERIFY(out.test.pixels == probe.test.pixels);
    }

    void partialInputLevelAffectsThatFraction() {
        const CorruptedDataset out = Corruptor::apply(m_dataset, CorruptionMode::RandomPixels, 0.3, 2);
        QCOMPARE(out.corruptedCount(), std::size_t{600});
        for (std::size_t i = 0; i < out.train.size(); ++i) {
            if (!out.corrupted[i]) QVERIFY(sameImage(out.train, m_dataset.train, i));
        }
    }

    void gaussianMatchesMeanAndVariance() {
        const CorruptedDataset out = Corruptor::apply(m_dataset, CorruptionMode::Gaussian, 1.0, 6);
        auto moments = [](const std::vector<double>& values) {
            double sum = 0, squares = 0;
            for (double v : values) {
                sum += v;
                squares += v * v;
            }
            const double n = double(values.size());
            return std::pair{sum / n, std::sqrt(squares / n - (sum / n) * (sum / n))};
        };
        const auto [meanBefore, stdBefore] = moments(
            std::vector<double>(m_dataset.train.pixels.begin(), m_dataset.train.pixels.end()));
        std::vector<double> noise;  // what the network sees, in floating point
        for (std::size_t i : out.gaussian.images) {
            const std::vector<float> image = out.gaussian.draw(i);
            noise.insert(noise.end(), image.begin(), image.end());
        }
        QCOMPARE(out.gaussian.images.size(), out.train.size());
        const auto [meanAfter, stdAfter] = moments(noise);
        QVERIFY2(std::abs(meanAfter - meanBefore) < 1.0, qPrintable(QString("%1 vs %2").arg(meanAfter).arg(meanBefore)));
        QVERIFY2(std::abs(stdAfter - stdBefore) < 0.02 * stdBefore,
                 qPrintable(QString("%1 vs %2").arg(stdAfter).arg(stdBefore)));
        QCOMPARE(out.corruptedCount(), out.train.size());
        QVERIFY(out.train.labels == m_dataset.train.labels);
    }

    // A preview corrupts only the images it shows: those equal the full draw's, every flag,
    // label and the Gaussian recipe too, and the images after the limit keep their pixels.
    void pixelLimitChangesOnlyTheFirstImages() {
        const std::size_t limit = 37;
        for (CorruptionMode mode : {CorruptionMode::Labels, CorruptionMode::ShuffledPixels,
                                    CorruptionMode::RandomPixels, CorruptionMode::Gaussian}) {
            const CorruptedDataset full = Corruptor::apply(m_dataset, mode, 0.5, 21);
            const CorruptedDataset first = Corruptor::apply(m_dataset, mode, 0.5, 21, limit);
            QVERIFY(first.corrupted == full.corrupted);
            QVERIFY(first.train.labels == full.train.labels);
            QVERIFY(first.gaussian.mean == full.gaussian.mean && first.gaussian.images == full.gaussian.images);
            for (std::size_t i = 0; i < full.train.size(); ++i) {
                QVERIFY(sameImage(first.train, i < limit ? full.train : m_dataset.train, i));
            }
        }
    }

    void levelOutOfRangeIsRejected() {
        QVERIFY_THROWS_EXCEPTION(ConfigError, Corruptor::apply(m_dataset, CorruptionMode::Labels, 1.5, 1));
        QVERIFY_THROWS_EXCEPTION(ConfigError, parseCorruptionMode("everything"));
        QVERIFY(parseCorruptionMode("random-pixels") == CorruptionMode::RandomPixels);
    }
};

QTEST_GUILESS_MAIN(TestCorruption)
#include "test_corruption.moc"
