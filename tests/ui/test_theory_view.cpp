// The Theory tab in the real main window, on 200 Fashion-MNIST images: the 2n+d network built
// and drawn through its points, kernel interpolation with true and random labels compared, both
// kept as runs in RUNS (and comparable), and sizes over the memory limit refused before anything
// starts. Screenshots go to SHATTER_ARTIFACT_DIR.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>

#include "experiment/experiment_panel.h"
#include "runs/compare_view.h"
#include "runs/run_list_panel.h"
#include "runs/run_sort_filter_model.h"
#include "runs/run_table_model.h"
#include "theory/expressivity_curve.h"
#include "theory/expressivity_plot.h"
#include "theory/expressivity_view.h"
#include "theory/kernel_bar_chart.h"
#include "theory/kernel_view.h"
#include "theory/theory_controller.h"
#include "theory/theory_view.h"
#include "window/main_window.h"

#include "support/artifact.h"

using namespace shatter;

namespace {

constexpr int kImages = 200;
constexpr int kTimeoutMs = 90000;

RunConfig tinyRandomLabels() {
    RunConfig config;
    config.dataset = "fashion-mnist";
    config.trainSize = kImages;
    config.testSize = kImages;
    config.corruption = CorruptionMode::Labels;
    config.level = 1.0;
    config.epochs = 5;
    return config;
}

// The shared screenshot, once the plots have laid out and replotted.
void saveArtifact(QWidget& widget, const QString& name) {
    QTest::qWait(200);
    test::saveArtifact(widget, name);
}

QString cell(RunListPanel* list, const QString& directory, int column) {
    return list->sortedModel()->indexOf(directory, column).data().toString();
}

}  // namespace

class TestTheoryView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tooLargeSizesAreRefusedBeforeStarting();
    void expressivityIsBuiltAndDrawnThroughItsPoints();
    void kernelRunsCompareTrueAndRandomLabels();
};

void TestTheoryView::tooLargeSizesAreRefusedBeforeStarting() {
    MainWindow window;
    window.experimentPanel()->setConfig(tinyRandomLabels());
    TheoryView* theory = window.theoryView();
    TheoryController* controller = theory->controller();
    controller->setMemoryLimit(64 * 1024);  // 64 KiB: not even 200 images fit
    theory->refresh();
    QSignalSpy busy(controller, &TheoryController::busyChanged);

    ExpressivityView* expressivity = theory->expressivityView();
    QVERIFY(expressivity->memoryLabel()->text().contains("limit"));
    QVERIFY(!expressivity->build());
    QVERIFY(expressivity->messageLabel()->isVisibleTo(expressivity));
    QVERIFY2(expressivity->messageLabel()->text().contains("200 training images"),
             qPrintable(expressivity->messageLabel()->text()));

    KernelView* kernel = theory->kernelView();
    QVERIFY(!kernel->runBoth());
    QVERIFY(kernel->messageLabel()->isVisibleTo(kernel));
    QVERIFY2(kernel->messageLabel()->text().contains("kernel interpolation"),
             qPrintable(kernel->messageLabel()->text()));
    QCOMPARE(busy.count(), 0);
    QVERIFY(!controller->isBusy());
    QVERIFY(!QDir(controller->runsRoot()).exists() ||
            QDir(controller->runsRoot()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
}

void TestTheoryView::expressivityIsBuiltAndDrawnThroughItsPoints() {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.experimentPanel()->setConfig(tinyRandomLabels());
    window.viewTabs()->setCurrentWidget(window.theoryView());
    ExpressivityView* view = window.theoryView()->expressivityView();
    QSignalSpy built(window.theoryView()->controller(), &TheoryController::expressivityBuilt);
    QTest::mouseClick(view->buildButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(built.count() == 1, kTimeoutMs);
    QTRY_VERIFY(view->buildButton()->isEnabled());

    const QString readout = view->readout()->text();
    QVERIFY2(readout.contains("n = 200"), qPrintable(readout));
    QVERIFY2(readout.contains("d = 784"), qPrintable(readout));
    QVERIFY2(readout.contains("2n+d = " + QLocale().toString(2 * 200 + 784)), qPrintable(readout));
    QVERIFY2(readout.contains(QLocale().toString(784 + 200 + 10 * 200) + "</b> in all"),
             qPrintable(readout));
    QVERIFY2(readout.contains("train accuracy <b>" + QLocale().toString(100.0, 'f', 1) + "%"),
             qPrintable(readout));
    QVERIFY2(readout.contains("random labels"), qPrintable(readout));
    QCOMPARE(view->classBox()->count(), 10);

    // Every point drawn, and the function through each at its one-hot target.
    const std::shared_ptr<const ExpressivityOutcome> outcome = view->outcome();
    QVERIFY(outcome);
    const ExpressivityResult& network = outcome->result;
    ExpressivityPlot* plot = view->plot();
    QCOMPARE(plot->pointCount(), kImages);
    view->classBox()->setCurrentIndex(3);
    QCOMPARE(plot->output(), 3);
    auto checkThroughPoints = [&]() {
        const ExpressivityCurve& function = plot->drawnFunction();
        int checked = 0;
        for (std::size_t i = 0; i < network.projections.size(); ++i) {
            const double x = network.projections[i];
            if (x <= plot->visibleFrom() || x >= plot->visibleTo()) continue;
            const auto at = std::find(function.t.begin(), function.t.end(), x);
            const double target = network.labels[i] == 3 ? 1.0 : 0.0;
            if (at == function.t.end() ||
                std::abs(function.value[std::size_t(at - function.t.begin())] - target) > 1e-6) {
                qWarning("point %d at %g: the function is not at its target %g", int(i), x, target);
                return -1;
            }
            ++checked;
        }
        return checked;
    };
    QCOMPARE(checkThroughPoints(), kImages);
    saveArtifact(window, "theory-expressivity.png");

    // Zoomed in on a few points: still through them, the kinks marked between them.
    const double from = network.projections[100];
    const double to = network.projections[106];
    plot->setVisibleRange(from - 1e-9, to + 1e-9);
    QCOMPARE(checkThroughPoints(), 7);
    QCOMPARE(int(plot->markedKinks().size()), 6);  // b_101 .. b_106
    for (double kink : plot->markedKinks()) QVERIFY(kink > from && kink < to);
    saveArtifact(window, "theory-expressivity-zoomed.png");
    view->wholeSwingBox()->setChecked(true);
    QCOMPARE(checkThroughPoints(), 7);
    saveArtifact(window, "theory-expressivity-swing.png");

    // The run folder is in RUNS: finished, its accuracies, no epochs to fit.
    RunListPanel* list = window.runList();
    QTRY_VERIFY_WITH_TIMEOUT(list->entry(outcome->directory), 10000);
    QCOMPARE(
        list->sortedModel()->indexOf(outcome->directory).data(RunTableModel::StatusRole).toString(),
        QString("finished"));
    QCOMPARE(cell(list, outcome->directory, RunTableModel::TrainColumn),
             QLocale().toString(100.0, 'f', 1));
    QCOMPARE(cell(list, outcome->directory, RunTableModel::FitColumn), QString("–"));
    window.close();
}

void TestTheoryView::kernelRunsCompareTrueAndRandomLabels() {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.experimentPanel()->setConfig(tinyRandomLabels());
    window.viewTabs()->setCurrentWidget(window.theoryView());
    window.theoryView()->views()->setCurrentWidget(window.theoryView()->kernelView());
    KernelView* view = window.theoryView()->kernelView();
    QVERIFY(view->memoryLabel()->text().contains("needs"));
    QSignalSpy finished(window.theoryView()->controller(), &TheoryController::kernelFinished);
    QTest::mouseClick(view->bothButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, kTimeoutMs);
    QTRY_VERIFY(view->bothButton()->isEnabled());

    QCOMPARE(int(view->outcomes().size()), 2);
    const KernelOutcome& trueRun = view->outcomes()[0];
    const KernelOutcome& randomRun = view->outcomes()[1];
    QCOMPARE(trueRun.labelling, QString("true labels"));
    QCOMPARE(randomRun.labelling, QString("random labels"));
    // Both interpolate; the random labels need a larger norm and do not generalize.
    QCOMPARE(trueRun.result.trainAcc, 1.0);
    QCOMPARE(randomRun.result.trainAcc, 1.0);
    QVERIFY(trueRun.result.bandwidthFromMedian);
    QVERIFY(randomRun.result.rkhsNorm > trueRun.result.rkhsNorm);
    QVERIFY(trueRun.result.testAcc > randomRun.result.testAcc + 0.2);

    QTableWidget* table = view->table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QString("true labels"));
    QCOMPARE(table->item(1, 0)->text(), QString("random labels"));
    QCOMPARE(table->item(1, 5)->text(), QLocale().toString(100.0, 'f', 1) + "%");
    const std::vector<double> bars = view->chart()->barValues(1);
    QCOMPARE(bars[0], 100.0);
    QCOMPARE(bars[2], randomRun.result.rkhsNorm);
    QCOMPARE(view->chart()->seriesCount(), 4);  // accuracy and norm bars per run
    saveArtifact(window, "theory-kernel.png");

    // Both are runs in RUNS, and the comparison takes them without epochs.
    RunListPanel* list = window.runList();
    QTRY_VERIFY_WITH_TIMEOUT(list->entry(trueRun.directory) && list->entry(randomRun.directory),
                             10000);
    QCOMPARE(cell(list, randomRun.directory, RunTableModel::FitColumn), QString("–"));
    QCOMPARE(list->sortedModel()
                 ->indexOf(randomRun.directory)
                 .data(RunTableModel::StatusRole)
                 .toString(),
             QString("finished"));
    RunTableModel* model = list->model();
    model->setTicked(QStringList{trueRun.directory, randomRun.directory});
    QCOMPARE(int(window.compareView()->runs().size()), 2);
    window.viewTabs()->setCurrentWidget(window.compareView());
    QTest::qWait(100);
    QVERIFY(window.compareView()->rowOf("test_acc") >= 0);
    const int epochsRow = window.compareView()->rowOf("epochs_done");
    QVERIFY(epochsRow >= 0);
    QCOMPARE(window.compareView()->tableModel()->index(epochsRow, 0).data().toString(),
             QString("kernel (no epochs)"));
    const QString statusTip = list->sortedModel()
                                  ->indexOf(randomRun.directory, RunTableModel::StatusColumn)
                                  .data(Qt::ToolTipRole)
                                  .toString();
    QVERIFY2(statusTip.contains("kernel (no epochs)"), qPrintable(statusTip));
    window.close();
}

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterTheoryTest");
    TestTheoryView test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_theory_view.moc"
