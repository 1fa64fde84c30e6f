// The sample gallery follows the live run epoch by epoch: a new epoch redraws the tiles it shows
// (one dataChanged) without starting its model over while the examples shown and their order
// stay; a new order, or an epoch that changes which examples come first, starts it over. The
// tiles show the latest epoch's predictions, and a run moved back is followed from its start.
#include <QListView>
#include <QSignalSpy>
#include <QTest>

#include "live/gallery_model.h"
#include "live/live_run.h"
#include "live/sample_gallery.h"
#include "support/fixtures.h"

using namespace shatter;

namespace {

constexpr int kClasses = 4;

// Eight images, two per class; example 1 is taught the wrong class.
SharedCorruptedDataset eightImages() {
    const Dataset dataset = test::makeSyntheticDataset(2, 1, kClasses, 1, 28);
    auto data = std::make_shared<CorruptedDataset>();
    data->classNames = dataset.classNames;
    data->train = dataset.train;
    data->test = dataset.test;
    data->trueLabels = dataset.train.labels;
    data->corrupted.assign(dataset.train.size(), 0);
    data->train.labels[1] = (data->trueLabels[1] + 1) % kClasses;
    data->corrupted[1] = 1;
    return data;
}

// An epoch whose predictions are the assigned label, but for the examples in `wrong`.
EpochReport epoch(const CorruptedDataset& data, int number, const std::vector<int>& wrong) {
    EpochReport report;
    report.metrics.epoch = number;
    report.predictions = data.train.labels;
    for (int i : wrong) report.predictions[std::size_t(i)] = (data.train.labels[i] + 1) % kClasses;
    return report;
}

QString tooltip(const SampleGallery& gallery, int row) {
    return gallery.grid()->model()->index(row, 0).data(Qt::ToolTipRole).toString();
}

QImage tileImage(const SampleGallery& gallery, int row) {
    const QModelIndex tile = gallery.grid()->model()->index(row, 0);
    return tile.data(Qt::DecorationRole).value<QPixmap>().toImage();
}

}  // namespace

class TestSampleGallery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aNewEpochRedrawsTheTilesWithoutStartingOver() {
        LiveRun run;
        SampleGallery gallery(&run);
        gallery.resize(900, 600);
        gallery.show();
        run.begin(10);
        const SharedCorruptedDataset data = eightImages();
        gallery.setData(data);
        const QAbstractItemModel* tiles = gallery.grid()->model();
        QCOMPARE(tiles->rowCount(), 8);

        // Epoch 1: only example 3 fitted.
        run.addEpoch(epoch(*data, 1, {0, 1, 2, 4, 5, 6, 7}));
        QTRY_COMPARE(gallery.shownEpoch(), 1);
        const QString className2 = QString::fromStdString(data->classNames[data->train.labels[2]]);
        QVERIFY(!tooltip(gallery, 2).contains("predicted: " + className2));
        const QImage wrongAtFirst = tileImage(gallery, 2);

        // Epoch 2, every example fitted: the same tiles in the same order, drawn again.
        QSignalSpy resets(tiles, &QAbstractItemModel::modelReset);
        QSignalSpy changes(tiles, &QAbstractItemModel::dataChanged);
        run.addEpoch(epoch(*data, 2, {}));
        QTRY_COMPARE(gallery.shownEpoch(), 2);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changes.first().at(1).value<QModelIndex>().row(), 7);
        QCOMPARE(gallery.shownIndices(), (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
        for (int row = 0; row < tiles->rowCount(); ++row) {
            const int example = tiles->index(row, 0).data(GalleryModel::ExampleRole).toInt();
            const QString assigned =
                QString::fromStdString(data->classNames[data->train.labels[example]]);
            QVERIFY2(tooltip(gallery, row).endsWith("predicted: " + assigned),
                     qPrintable(tooltip(gallery, row)));
        }
        QVERIFY(tileImage(gallery, 2) != wrongAtFirst);

        // Another order starts the model over: example 3, fitted first, comes first.
        gallery.setOrder(SampleGallery::Order::FirstFitted);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(gallery.shownIndices(), (std::vector<int>{3, 0, 1, 2, 4, 5, 6, 7}));
        // Example 5 forgotten: it goes last, so the model starts over ...
        run.addEpoch(epoch(*data, 3, {5}));
        QTRY_COMPARE(gallery.shownEpoch(), 3);
        QCOMPARE(resets.count(), 2);
        QCOMPARE(gallery.shownIndices(), (std::vector<int>{3, 0, 1, 2, 4, 6, 7, 5}));
        // ... and learned again at epoch 4 it stays last: redrawn, not started over.
        changes.clear();
        run.addEpoch(epoch(*data, 4, {}));
        QTRY_COMPARE(gallery.shownEpoch(), 4);
        QCOMPARE(resets.count(), 2);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(gallery.shownIndices(), (std::vector<int>{3, 0, 1, 2, 4, 6, 7, 5}));
        gallery.setOrder(SampleGallery::Order::MostForgotten);
        QCOMPARE(gallery.shownIndices().front(), 5);

        // A replay moved back to its start and on by one epoch where everything is fitted:
        // the fit epochs and forgetting counts are those of that epoch alone.
        gallery.setOrder(SampleGallery::Order::FirstFitted);
        run.rewind();
        run.addEpoch(epoch(*data, 1, {}));
        QTRY_COMPARE(gallery.shownIndices(), (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(gallery.shownEpoch(), 1);
        gallery.setFilter(SampleGallery::Filter::MostForgotten);
        QVERIFY(gallery.shownIndices().empty());
    }

    void theSelectedTileStaysSelectedWhenTheModelStartsOver() {
        LiveRun run;
        SampleGallery gallery(&run);
        gallery.resize(900, 600);
        gallery.show();
        run.begin(10);
        const SharedCorruptedDataset data = eightImages();
        gallery.setData(data);
        run.addEpoch(epoch(*data, 1, {}));
        QTRY_COMPARE(gallery.shownEpoch(), 1);
        QListView* grid = gallery.grid();
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {},
                          grid->visualRect(grid->model()->index(6, 0)).center());
        QVERIFY2(gallery.historyText().startsWith("Image 6"), qPrintable(gallery.historyText()));
        gallery.setOrder(SampleGallery::Order::LeastForgotten);
        run.addEpoch(epoch(*data, 2, {6}));  // example 6 forgotten: now last
        QTRY_COMPARE(gallery.shownEpoch(), 2);
        QCOMPARE(gallery.shownIndices().front(), 0);
        const QModelIndexList selected = grid->selectionModel()->selectedIndexes();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(GalleryModel::ExampleRole).toInt(), 6);
        QVERIFY2(gallery.historyText().contains("2: "), qPrintable(gallery.historyText()));
    }
};

QTEST_MAIN(TestSampleGallery)
#include "test_sample_gallery.moc"
