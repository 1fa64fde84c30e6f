// The corruption preview's sample: the images a run trains on, drawn as RunPreparation::prepare
// draws them, with both corrupted and untouched ones at levels strictly between 0 and 1.
#include <QtTest>

#include "corruption/corruption_level.h"
#include "corruption/corruption_sample.h"
#include "shatter_error.h"
#include "support/fixtures.h"
#include "train/run_preparation.h"

using namespace shatter;

namespace {

constexpr std::size_t kTiles = 8;

const CorruptionMode kModes[] = {CorruptionMode::None, CorruptionMode::Labels,
                                 CorruptionMode::ShuffledPixels, CorruptionMode::RandomPixels,
                                 CorruptionMode::Gaussian};

RunConfig configFor(CorruptionMode mode, double level, std::int64_t trainSize,
                    std::uint64_t seed = 4) {
    RunConfig config;
    config.trainSize = trainSize;
    config.testSize = 30;
    config.corruption = mode;
    config.level = level;
    config.seed = seed;
    return config;
}

bool sameImage(const ImageSet& a, std::size_t i, const ImageSet& b, std::size_t j) {
    return std::equal(a.image(i), a.image(i) + a.imageBytes(), b.image(j));
}

}  // namespace

class TestCorruptionSample : public QObject {
    Q_OBJECT

    Dataset m_dataset = test::makeSyntheticDataset(60, 10, 10, 3, 12);

private Q_SLOTS:
    void shareOfCorruptedTiles() {
        QCOMPARE(CorruptionSample::corruptedShare(0.0, 8), std::size_t{0});
        QCOMPARE(CorruptionSample::corruptedShare(1.0, 8), std::size_t{8});
        QCOMPARE(CorruptionSample::corruptedShare(0.5, 8), std::size_t{4});
        QCOMPARE(CorruptionSample::corruptedShare(0.49, 8), std::size_t{4});
        // Strictly between 0 and 1 both kinds appear.
        QCOMPARE(CorruptionSample::corruptedShare(0.01, 8), std::size_t{1});
        QCOMPARE(CorruptionSample::corruptedShare(0.99, 8), std::size_t{7});
        QCOMPARE(CorruptionSample::corruptedShare(0.5, 1), std::size_t{1});
        QCOMPARE(CorruptionSample::corruptedShare(0.5, 0), std::size_t{0});
    }

    // Every tile is the prepared run's own image, labels and flag.
    void tilesAreTheImagesTheRunTrainsOn() {
        for (CorruptionMode mode : kModes) {
            for (double level : {0.0, 0.3, 0.5, 1.0}) {
                for (std::int64_t trainSize : {std::int64_t{200}, std::int64_t{0}}) {
                    const RunConfig config = configFor(mode, level, trainSize);
                    const CorruptedDataset run = RunPreparation::prepare(config, m_dataset);
                    const CorruptionSample sample =
                        RunPreparation::sample(config, m_dataset, kTiles);
                    const QString where = QString("%1 at %2, train size %3")
                                              .arg(QString::fromStdString(corruptionModeKey(mode)))
                                              .arg(level)
                                              .arg(trainSize);
                    QVERIFY2(sample.mode == mode, qPrintable(where));
                    QCOMPARE(sample.level, effectiveLevel(mode, level));
                    QCOMPARE(sample.trainImages, run.train.size());
                    QCOMPARE(sample.corruptedImages, run.corruptedCount());
                    QCOMPARE(sample.classNames, run.classNames);
                    QCOMPARE(sample.tiles.size(), kTiles);
                    QCOMPARE(sample.trained.size(), kTiles);
                    QCOMPARE(sample.original.size(), kTiles);
                    for (std::size_t t = 0; t < sample.tiles.size(); ++t) {
                        const CorruptionSample::Tile& tile = sample.tiles[t];
                        QVERIFY2(sameImage(sample.trained, t, run.train, tile.index),
                                 qPrintable(where));
                        QCOMPARE(tile.assignedLabel, run.train.labels[tile.index]);
                        QCOMPARE(tile.trueLabel, run.trueLabels[tile.index]);
                        QCOMPARE(tile.corrupted, run.corrupted[tile.index] != 0);
                        // Untouched inputs are the originals; labels never touch the pixels.
                        if (!tile.corrupted || mode == CorruptionMode::Labels) {
                            QVERIFY2(sameImage(sample.original, t, sample.trained, t),
                                     qPrintable(where));
                        } else {
                            QVERIFY2(!sameImage(sample.original, t, sample.trained, t),
                                     qPrintable(where));
                        }
                        if (t > 0) QVERIFY(sample.tiles[t - 1].index < tile.index);
                    }
                    if (mode == CorruptionMode::Gaussian && level > 0) {
                        QVERIFY(sample.noiseMean == run.gaussian.mean);
                        QVERIFY(sample.noiseStddev == run.gaussian.stddev);
                    }
                }
            }
        }
    }

    // About `level` of the tiles are corrupted, never none or all strictly between 0 and 1, and
    // they are the first of each kind in the training set.
    void bothKindsAreShownInTheirShare() {
        for (CorruptionMode mode : {CorruptionMode::Labels, CorruptionMode::RandomPixels,
                                    CorruptionMode::ShuffledPixels, CorruptionMode::Gaussian}) {
            for (double level : {0.0, 0.05, 0.49, 0.5, 0.95, 1.0}) {
                const RunConfig config = configFor(mode, level, 300, 11);
                const CorruptedDataset run = RunPreparation::prepare(config, m_dataset);
                const CorruptionSample sample = RunPreparation::sample(config, m_dataset, kTiles);
                QCOMPARE(sample.corruptedTiles(), CorruptionSample::corruptedShare(level, kTiles));
                // Every image skipped before the last tile of its kind was of the other kind.
                for (const bool corrupted : {false, true}) {
                    std::vector<std::size_t> shown;
                    for (const auto& tile : sample.tiles)
                        if (tile.corrupted == corrupted) shown.push_back(tile.index);
                    std::vector<std::size_t> first;
                    for (std::size_t i = 0; i < run.train.size() && first.size() < shown.size();
                         ++i)
                        if ((run.corrupted[i] != 0) == corrupted) first.push_back(i);
                    QCOMPARE(shown, first);
                }
            }
        }
        // At 1 an input mode changes every image; labels redrawn at random keep some true ones.
        const RunConfig labels = configFor(CorruptionMode::Labels, 1.0, 300, 11);
        const CorruptionSample all = RunPreparation::sample(labels, m_dataset, kTiles);
        QCOMPARE(all.corruptedTiles(), kTiles);
        QVERIFY(all.corruptedImages < all.trainImages);
    }

    void oneKindFillsInForTheOther() {
        // Random labels can land on the true class, so fewer labels change than the level asks:
        // untouched images fill the tiles the corrupted ones cannot.
        const Dataset tiny = test::makeSyntheticDataset(2, 1, 10, 1, 12);  // 20 training images
        RunConfig config = configFor(CorruptionMode::Labels, 1.0, 0, 3);
        config.testSize = 0;
        const CorruptionSample sample = RunPreparation::sample(config, tiny, 25);
        QCOMPARE(sample.tiles.size(), std::size_t{20});
        QCOMPARE(sample.corruptedTiles(), sample.corruptedImages);
        QVERIFY(sample.corruptedImages < 20);
    }

    void differentSeedsShowDifferentDraws() {
        const CorruptionSample a = RunPreparation::sample(
            configFor(CorruptionMode::Labels, 0.5, 200, 1), m_dataset, kTiles);
        const CorruptionSample b = RunPreparation::sample(
            configFor(CorruptionMode::Labels, 0.5, 200, 2), m_dataset, kTiles);
        QVERIFY(a.trained.pixels != b.trained.pixels);
    }

    void settingsThatDoNotFitAreRefused() {
        QVERIFY_THROWS_EXCEPTION(
            ConfigError, RunPreparation::sample(configFor(CorruptionMode::Labels, 0.5, 5000),
                                                m_dataset, kTiles));
        CorruptedDataset mismatched =
            RunPreparation::prepare(configFor(CorruptionMode::Labels, 0.5, 200), m_dataset);
        QVERIFY_THROWS_EXCEPTION(DataError,
                                 CorruptionSample::pick(m_dataset.test, mismatched, kTiles));
    }
};

QTEST_GUILESS_MAIN(TestCorruptionSample)
#include "test_corruption_sample.moc"
