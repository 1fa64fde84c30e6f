// The corruption preview shows the images the run will train on: the run's own subset and seed,
// the chosen mode and level, corrupted tiles marked as the prepared dataset flags them, true and
// taught labels for label corruption; it follows the experiment panel in the main window.
#include <QApplication>
#include <QDir>
#include <QRadioButton>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "corruption/corruption_level.h"
#include "experiment/corruption_preview.h"
#include "experiment/corruption_tile.h"
#include "experiment/experiment_panel.h"
#include "train/run_preparation.h"
#include "window/main_window.h"

#include "support/artifact.h"

using namespace shatter;

namespace {

constexpr int kWaitMs = 30000;

const CorruptionMode kInputModes[] = {CorruptionMode::ShuffledPixels, CorruptionMode::RandomPixels,
                                      CorruptionMode::Gaussian};

std::shared_ptr<const Dataset> fashion() {
    static const auto dataset =
        std::make_shared<const Dataset>(RunPreparation::loadDataset(RunConfig{}));
    return dataset;
}

RunConfig configFor(CorruptionMode mode, double level, std::int64_t trainSize = 2000,
                    std::uint64_t seed = 1) {
    RunConfig config;
    config.trainSize = trainSize;
    config.testSize = 2000;
    config.corruption = mode;
    config.level = level;
    config.seed = seed;
    return config;
}

// Waits until the preview shows the draw for `config`.
bool showsDraw(const CorruptionPreview& preview, const RunConfig& config) {
    const auto& sample = preview.sample();
    return !preview.isUpdating() && sample && sample->mode == config.corruption &&
           sample->level == config.effectiveLevel() &&
           (config.trainSize == 0 || sample->trainImages == std::size_t(config.trainSize));
}

QString className(const Dataset& dataset, int label) {
    return QString::fromStdString(dataset.classNames[std::size_t(label)]);
}

int corruptedTiles(const CorruptionPreview& preview) {
    int count = 0;
    for (const CorruptionTile* tile : preview.tiles()) count += tile->isCorrupted();
    return count;
}

QRadioButton* modeButton(ExperimentPanel* panel, CorruptionMode mode) {
    for (QRadioButton* button : panel->findChildren<QRadioButton*>()) {
        if (button->text() == corruptionModeInfo(mode).title) return button;
    }
    return nullptr;
}

using test::saveArtifact;

}  // namespace

class TestCorruptionPreview : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inputModesShowDifferentImages();
    void corruptedTilesAreTheRunsCorruptedImages();
    void labelTilesShowTrueAndTaughtLabels();
    void levelZeroAndNoCorruptionChangeNothing();
    void gaussianTilesAreTheRunsNoise();
    void settingsThatDoNotFitSayWhy();
    void presentationModeEnlargesTheTiles();
    void previewFollowsThePanel();
};

void TestCorruptionPreview::inputModesShowDifferentImages() {
    CorruptionPreview preview;
    preview.setDataset("fashion-mnist", fashion());
    std::vector<std::vector<std::uint8_t>> shown;
    for (CorruptionMode mode : kInputModes) {
        const RunConfig config = configFor(mode, 0.5);
        preview.setConfig(config);
        QTRY_VERIFY_WITH_TIMEOUT(showsDraw(preview, config), kWaitMs);
        QCOMPARE(preview.imageCount(), CorruptionPreview::kImages);
        QVERIFY2(preview.title() == QString(corruptionModeInfo(mode).title) + " at 50%",
                 qPrintable(preview.title()));
        shown.push_back(preview.sample()->trained.pixels);
    }
    for (std::size_t a = 0; a < shown.size(); ++a)
        for (std::size_t b = a + 1; b < shown.size(); ++b) QVERIFY(shown[a] != shown[b]);
}

void TestCorruptionPreview::corruptedTilesAreTheRunsCorruptedImages() {
    CorruptionPreview preview;
    preview.setDataset("fashion-mnist", fashion());
    for (CorruptionMode mode : {CorruptionMode::Labels, CorruptionMode::ShuffledPixels,
                                CorruptionMode::RandomPixels, CorruptionMode::Gaussian}) {
        for (double level : {0.49, 0.5, 1.0}) {
            const RunConfig config = configFor(mode, level, 2000, 7);
            preview.setConfig(config);
            QTRY_VERIFY_WITH_TIMEOUT(showsDraw(preview, config), kWaitMs);
            const CorruptedDataset run = RunPreparation::prepare(config, *fashion());
            const CorruptionSample& sample = *preview.sample();
            QCOMPARE(preview.imageCount(), int(sample.tiles.size()));
            for (int i = 0; i < preview.imageCount(); ++i) {
                const std::size_t index = sample.tiles[std::size_t(i)].index;
                QCOMPARE(preview.tiles()[i]->isCorrupted(), run.corrupted[index] != 0);
                QCOMPARE(preview.tiles()[i]->caption(),
                         QString(run.corrupted[index] ? "corrupted" : "original"));
                QVERIFY(
                    std::equal(sample.trained.image(std::size_t(i)),
                               sample.trained.image(std::size_t(i)) + sample.trained.imageBytes(),
                               run.train.image(index)));
            }
            // About half at 0.49 and 0.5, every one at 1.
            QCOMPARE(corruptedTiles(preview),
                     level < 1.0 ? CorruptionPreview::kImages / 2 : CorruptionPreview::kImages);
            QVERIFY(preview.summary().contains(
                QLocale().toString(qulonglong(run.corruptedCount())) + " of the run's"));
        }
    }
}

void TestCorruptionPreview::labelTilesShowTrueAndTaughtLabels() {
    CorruptionPreview preview;
    preview.setDataset("fashion-mnist", fashion());
    for (double level : {0.5, 1.0}) {
        const RunConfig config = configFor(CorruptionMode::Labels, level, 2000, 3);
        preview.setConfig(config);
        QTRY_VERIFY_WITH_TIMEOUT(showsDraw(preview, config), kWaitMs);
        const CorruptedDataset run = RunPreparation::prepare(config, *fashion());
        for (int i = 0; i < preview.imageCount(); ++i) {
            const std::size_t index = preview.sample()->tiles[std::size_t(i)].index;
            const QStringList expected{"true: " + className(*fashion(), run.trueLabels[index]),
                                       "taught: " + className(*fashion(), run.train.labels[index])};
            QCOMPARE(preview.tiles()[i]->lines(), expected);
            QCOMPARE(preview.tiles()[i]->isCorrupted(),
                     run.train.labels[index] != run.trueLabels[index]);
        }
        QVERIFY(preview.title() ==
                QString("Corrupted labels at %1").arg(level == 1.0 ? "100%" : "50%"));
    }
}

void TestCorruptionPreview::levelZeroAndNoCorruptionChangeNothing() {
    CorruptionPreview preview;
    preview.setDataset("fashion-mnist", fashion());
    const RunConfig labels = configFor(CorruptionMode::Labels, 0.0);
    preview.setConfig(labels);
    QTRY_VERIFY_WITH_TIMEOUT(showsDraw(preview, labels), kWaitMs);
    QVERIFY2(preview.summary().contains("no labels are changed"), qPrintable(preview.summary()));
    QCOMPARE(corruptedTiles(preview), 0);
    for (const CorruptionTile* tile : preview.tiles())
        QCOMPARE(tile->lines()[0].mid(6), tile->lines()[1].mid(8));

    const RunConfig random = configFor(CorruptionMode::RandomPixels, 0.0);
    preview.setConfig(random);
    QTRY_VERIFY_WITH_TIMEOUT(showsDraw(preview, random), kWaitMs);
    QVERIFY2(preview.summary().contains("no images are changed"), qPrintable(preview.summary()));
    QCOMPARE(corruptedTiles(preview), 0);

    // No corruption ignores the level.
    const RunConfig none = configFor(CorruptionMode::None, 0.7);
    preview.setConfig(none);
    QTRY_VERIFY_WITH_TIMEOUT(showsDraw(preview, none), kWaitMs);
    QVERIFY2(preview.title().contains("no corruption"), qPrintable(preview.title()));
    QCOMPARE(corruptedTiles(preview), 0);
    QCOMPARE(preview.imageCount(), CorruptionPreview::kImages);
}

void TestCorruptionPreview::gaussianTilesAreTheRunsNoise() {
    CorruptionPreview preview;
    preview.setDataset("fashion-mnist", fashion());
    const RunConfig config = configFor(CorruptionMode::Gaussian, 0.5);
    preview.setConfig(config);
    QTRY_VERIFY_WITH_TIMEOUT(showsDraw(preview, config), kWaitMs);
    const CorruptedDataset run = RunPreparation::prepare(config, *fashion());
    // The noise has the statistics of the run's training images, and the summary says which.
    QVERIFY(preview.sample()->noiseMean == run.gaussian.mean);
    QVERIFY(preview.sample()->noiseStddev == run.gaussian.stddev);
    const QString mean = QLocale().toString(run.gaussian.mean[0], 'f', 1);
    QVERIFY2(preview.summary().contains("mean " + mean), qPrintable(preview.summary()));
}

void TestCorruptionPreview::settingsThatDoNotFitSayWhy() {
    CorruptionPreview preview;
    preview.setDataset("fashion-mnist", fashion());
    preview.setConfig(configFor(CorruptionMode::Labels, 0.5, 100000));
    QTRY_VERIFY_WITH_TIMEOUT(preview.summary().contains("train_size 100000"), kWaitMs);
    QCOMPARE(preview.imageCount(), 0);
    QVERIFY(!preview.sample());
    // Another dataset than the loaded one: the preview waits for it.
    RunConfig cifar = configFor(CorruptionMode::Labels, 0.5);
    cifar.dataset = "cifar10:/nowhere";
    preview.setConfig(cifar);
    QTRY_VERIFY_WITH_TIMEOUT(preview.summary().contains("Loading"), kWaitMs);
}

void TestCorruptionPreview::presentationModeEnlargesTheTiles() {
    CorruptionPreview preview;
    preview.setDataset("fashion-mnist", fashion());
    const RunConfig config = configFor(CorruptionMode::Labels, 0.5);
    preview.setConfig(config);
    QTRY_VERIFY_WITH_TIMEOUT(showsDraw(preview, config), kWaitMs);
    const QSize normal = preview.tiles().front()->sizeHint();
    PlotTheme presentation;
    presentation.presentation = true;
    presentation.dark = true;
    preview.applyTheme(presentation);
    QVERIFY(preview.tiles().front()->sizeHint().width() > normal.width());
    QVERIFY(preview.tiles().front()->sizeHint().height() > normal.height());
    preview.resize(900, 500);
    saveArtifact(preview, "corruption-preview-presentation-dark.png");
}

void TestCorruptionPreview::previewFollowsThePanel() {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(window.applyPreset("Classroom: random labels"));
    ExperimentPanel* panel = window.experimentPanel();
    CorruptionPreview* preview = window.corruptionPreview();
    QTRY_VERIFY_WITH_TIMEOUT(showsDraw(*preview, panel->config()), kWaitMs);
    QCOMPARE(preview->title(), QString("Corrupted labels at 100%"));

    // The mode chosen in the panel is the one shown.
    for (CorruptionMode mode : kInputModes) {
        QRadioButton* button = modeButton(panel, mode);
        QVERIFY(button);
        button->click();
        QCOMPARE(panel->config().corruption, mode);
        QTRY_VERIFY_WITH_TIMEOUT(showsDraw(*preview, panel->config()), kWaitMs);
        QCOMPARE(preview->title(), QString(corruptionModeInfo(mode).title) + " at 100%");
        QCOMPARE(corruptedTiles(*preview), CorruptionPreview::kImages);
    }
    // Moving the level redraws: about half corrupted at 49%.
    panel->levelSlider()->setValue(49);
    QTRY_VERIFY_WITH_TIMEOUT(showsDraw(*preview, panel->config()), kWaitMs);
    QCOMPARE(preview->title(), QString("Gaussian noise at 49%"));
    QCOMPARE(corruptedTiles(*preview), CorruptionPreview::kImages / 2);
    // A new seed draws other images; a new training-set size too.
    const std::vector<std::uint8_t> before = preview->sample()->trained.pixels;
    RunConfig config = panel->config();
    config.seed += 1;
    panel->setConfig(config);
    QTRY_VERIFY_WITH_TIMEOUT(!preview->isUpdating() && preview->sample()->trained.pixels != before,
                             kWaitMs);
    config.trainSize = 500;
    panel->setConfig(config);
    QTRY_VERIFY_WITH_TIMEOUT(showsDraw(*preview, panel->config()), kWaitMs);

    window.lowerTabs()->setCurrentIndex(
        window.lowerTabs()->indexOf(preview->parentWidget()->parentWidget()));
    saveArtifact(window, "main-window-corruption-preview-gaussian.png");
}

int main(int argc, char* argv[]) {
    // Keep settings and run directories inside a temporary home.
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterTest");
    TestCorruptionPreview test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_corruption_preview.moc"
