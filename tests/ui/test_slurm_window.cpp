// A Slurm sweep from the window, against the loopback cluster of tests/slurm (SLURM_CONF comes
// from the slurm_cluster fixture): submitted from the Sweep… dialog, its points listed with their
// states, RUNS and Figure 1 filling in as tasks finish, and Cancel. Screenshots go to
// SHATTER_ARTIFACT_DIR.
#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "common/app_settings.h"
#include "experiment/experiment_panel.h"
#include "figures/figure1_view.h"
#include "runs/run_list_panel.h"
#include "sweep/slurm_sweep_monitor.h"
#include "sweep/sweep_dialog.h"
#include "sweep/sweep_executor_panel.h"
#include "window/main_window.h"

#include "support/artifact.h"

using namespace shatter;

namespace {

using test::saveArtifact;

int runsOfSweep(MainWindow& window, const QString& sweepFolder, RunStatus status) {
    int count = 0;
    for (const RunEntry& entry : window.runList()->entries()) {
        if (QString::fromStdString(entry.directory).startsWith(sweepFolder + "/") &&
            entry.status() == status)
            ++count;
    }
    return count;
}

QString stateShown(SweepDialog& dialog, int row) {
    const QTableWidgetItem* item = dialog.pointTable()->item(row, 1);
    return item != nullptr ? item->text() : QString();
}

// The window with a small Fashion-MNIST experiment in its panel and the sweep dialog open on
// the Slurm executor, sweeping label levels 0, 0.5 and 1.
SweepDialog* openSlurmSweep(MainWindow& window, const QString& sharedFolder, int epochs) {
    RunConfig config = window.experimentPanel()->config();
    config.dataset = "fashion-mnist";
    config.trainSize = 500;
    config.testSize = 200;
    config.threads = 1;
    config.stopWhenFit = false;
    window.experimentPanel()->setConfig(config);
    SweepDialog* dialog = window.openSweep();
    dialog->setLevelsText("0, 0.5, 1");
    dialog->setEpochs(epochs);
    dialog->executorPanel()->setExecutor(SweepExecutor::Slurm);
    dialog->executorPanel()->setSharedFolder(sharedFolder);
    return dialog;
}

}  // namespace

class TestSlurmWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_shared;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariable("SLURM_CONF").isEmpty(),
                 "SLURM_CONF is not set: run through ctest, which starts the loopback Slurm "
                 "cluster first");
        // One task at a time, so that the points visibly finish one after another.
        AppSettings::slurmMaxParallel.setValue(1);
        AppSettings::slurmCpusPerTask.setValue(1);
    }

    void submittedSweepFillsRunsAndFigure1() {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        SweepDialog* dialog = openSlurmSweep(window, m_shared.path(), 40);
        QCOMPARE(dialog->executorPanel()->slurmOptions().maxParallel, 1);  // remembered setting
        SlurmSweepMonitor* monitor = window.slurmMonitor();
        QSignalSpy finished(monitor, &SlurmSweepMonitor::finished);
        dialog->startSweep();
        QVERIFY2(monitor->isActive(), qPrintable(dialog->progressText()));
        QVERIFY(!monitor->jobId().isEmpty());
        const QString sweep = monitor->directory();
        QVERIFY(sweep.startsWith(m_shared.path() + "/sweep-"));

        // Part way: some points finished, listed in RUNS and drawn in Figure 1; the rest queued
        // or running.
        QTRY_VERIFY_WITH_TIMEOUT(runsOfSweep(window, sweep, RunStatus::Finished) >= 1, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.figure1View()->runs().empty(), 10000);
        if (finished.isEmpty()) {
            QVERIFY(monitor->status().count(PointState::Finished) < 3);
            saveArtifact(window, "slurm-sweep-window-partial.png");
            saveArtifact(*dialog, "slurm-sweep-dialog-partial.png");
        }

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 240000);
        QTRY_COMPARE_WITH_TIMEOUT(runsOfSweep(window, sweep, RunStatus::Finished), 3, 20000);
        for (int row = 0; row < 3; ++row) QCOMPARE(stateShown(*dialog, row), QString("finished"));
        QTRY_COMPARE_WITH_TIMEOUT(int(window.figure1View()->runs().size()), 3, 10000);
        saveArtifact(window, "slurm-sweep-window-finished.png");
        saveArtifact(*dialog, "slurm-sweep-dialog-finished.png");
        window.close();
    }

    void cancelFromTheDialogRunsScancel() {
        MainWindow window;
        window.show();
        SweepDialog* dialog = openSlurmSweep(window, m_shared.path(), 2000);
        SlurmSweepMonitor* monitor = window.slurmMonitor();
        QSignalSpy finished(monitor, &SlurmSweepMonitor::finished);
        dialog->startSweep();
        QVERIFY(monitor->isActive());
        QTRY_VERIFY_WITH_TIMEOUT(monitor->status().count(PointState::Running) == 1, 60000);
        QVERIFY(dialog->cancelButton()->isEnabled());
        dialog->cancelButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(monitor->status().count(PointState::Cancelled), 3);
        QCOMPARE(stateShown(*dialog, 0), QString("cancelled"));
        saveArtifact(*dialog, "slurm-sweep-dialog-cancelled.png");
        window.close();
    }
};

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterSlurmTest");
    TestSlurmWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_slurm_window.moc"
