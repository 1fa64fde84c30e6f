#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include "run/run_reader.h"
#include "support/fixtures.h"
#include "util/atomic_file.h"

using namespace shatter;

namespace {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

QString cliPath() { return qEnvironmentVariable("SHATTER_CLI"); }

CliResult runCli(const QStringList& arguments, int timeoutMs = 120000) {
    QProcess process;
    process.start(cliPath(), arguments);
    process.waitForFinished(timeoutMs);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

int csvRows(const std::string& path) {
    std::ifstream in(path);
    int lines = 0;
    std::string line;
    while (std::getline(in, line)) ++lines;
    return std::max(0, lines - 1);
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    QString m_mnist;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!cliPath().isEmpty(), "SHATTER_CLI is not set (run through ctest)");
        m_mnist = m_data.path() + "/mnist";
        test::writeMnistFolder(m_mnist.toStdString(), test::makeSyntheticDataset(20, 5, 10, 1, 28), true);
    }

    void modelsListsThePaperCounts() {
        const CliResult r = runCli({"models"});
        QCOMPARE(r.exitCode, 0);
        for (const char* count : {"1,209,866", "1,735,178", "1,387,786", "1,649,402"}) QVERIFY(r.out.contains(count));
    }

    void runWritesARunFolderAndShowReadsIt() {
        QTemporaryDir out;
        const CliResult r = runCli({"run", "--out", out.path(), "--dataset", "mnist:" + m_mnist, "--epochs", "2",
                                    "--corruption", "labels", "--level", "0.5", "--batch-size", "32", "--threads", "1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains("epoch   2/2"));
        const QString runDir = r.out.trimmed();
        QVERIFY(runDir.startsWith(out.path()));
        const RunRecord record = RunReader::load(runDir.toStdString());
        QCOMPARE(toString(record.summary.status), std::string("finished"));
        QCOMPARE(int(record.epochs.size()), 2);
        QCOMPARE(record.config.level, 0.5);

        const CliResult shown = runCli({"show", runDir});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains("status     finished"));
        QVERIFY(shown.out.contains("labels, level 0.5"));
    }

    // bench --calibrate records the fastest split; a run of that network, channels and thread
    // count then uses it and says so; a broken calibration file is named and refused by the bench.
    void calibrationIsRecordedAndUsedByRuns() {
        QTemporaryDir cache;
        const QByteArray before = qgetenv("XDG_CACHE_HOME");
        qputenv("XDG_CACHE_HOME", cache.path().toUtf8());
        const CliResult bench = runCli({"bench", "--calibrate", "--model", "mlp-1x512", "--channels", "1",
                                        "--threads", "2", "--samples", "256", "--repetitions", "1"});
        QVERIFY2(bench.exitCode == 0, qPrintable(bench.err));
        QVERIFY2(bench.out.contains("calibrated: mlp-1x512, 1 channel, 2 threads ->"), qPrintable(bench.out));
        const QString file = cache.path() + "/shatter/thread-calibration.json";
        QVERIFY(QFile::exists(file));

        QTemporaryDir out;
        const CliResult run = runCli({"run", "--out", out.path(), "--dataset", "mnist:" + m_mnist, "--epochs", "1",
                                      "--batch-size", "32", "--threads", "2"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const RunRecord record = RunReader::load(run.out.trimmed().toStdString());
        QVERIFY2(QString::fromStdString(record.info.device).contains("calibrated"), record.info.device.c_str());
        // Another thread count was not measured: the rule applies.
        const CliResult other = runCli({"run", "--out", out.path(), "--dataset", "mnist:" + m_mnist, "--epochs", "1",
                                        "--batch-size", "32", "--threads", "1"});
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        QVERIFY(!QString::fromStdString(RunReader::load(other.out.trimmed().toStdString()).info.device).contains("calibrated"));

        std::ofstream(file.toStdString()) << "{ broken";
        const CliResult broken = runCli({"bench", "--calibrate", "--samples", "128", "--repetitions", "1"});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(broken.err.contains("thread-calibration.json") && broken.err.contains("remove it"), qPrintable(broken.err));
        // A run does not depend on the cache: it goes on with the rule.
        const CliResult still = runCli({"run", "--out", out.path(), "--dataset", "mnist:" + m_mnist, "--epochs", "1",
                                        "--batch-size", "32", "--threads", "2"});
        QVERIFY2(still.exitCode == 0, qPrintable(still.err));
        qputenv("XDG_CACHE_HOME", before);
    }

    void configFileAndFlagOverride() {
        QTemporaryDir out;
        const std::string config = out.path().toStdString() + "/c.json";
        std::ofstream(config) << "{\"epochs\": 7, \"train_size\": 50, \"batch_size\": 25, \"model\": \"mlp-1x512\", \"dataset\": \"mnist:"
                              << m_mnist.toStdString() << "\"}";
        const CliResult r = runCli({"run", "--out", out.path(), "--config", QString::fromStdString(config), "--epochs", "1",
                                    "--no-cuda-graphs"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const RunRecord record = RunReader::load(r.out.trimmed().toStdString());
        QCOMPARE(record.config.epochs, 1);
        QCOMPARE(record.config.trainSize, std::int64_t{50});
        QCOMPARE(record.info.trainExamples, 50);
        QVERIFY(!record.config.cudaGraphs);
        // On the CPU no graph is captured, and the device line says nothing of one.
        QVERIFY(record.info.device.rfind("CPU", 0) == 0);
        QVERIFY(record.info.device.find("CUDA graph") == std::string::npos);
    }

    void badInputGivesAClearMessageAndExitCode2() {
        QTemporaryDir out;
        struct Case {
            QStringList arguments;
            QString expected;
        };
        const std::string broken = out.path().toStdString() + "/broken.json";
        std::ofstream(broken) << "{ not json";
        const QList<Case> cases = {
            {{"run", "--out", out.path(), "--model", "resnet"}, "model 'resnet'"},
            {{"run", "--out", out.path(), "--dataset", "cifar10:/no/such/folder"}, "/no/such/folder"},
            {{"run", "--out", out.path(), "--level", "2"}, "level"},
            {{"run", "--out", out.path(), "--config", QString::fromStdString(broken)}, "broken.json"},
            {{"run", "--out", out.path(), "--epochs", "many"}, "--epochs"},
            {{"run", "--no-such-flag"}, "no-such-flag"},
            {{}, "subcommand"},
        };
        for (const Case& c : cases) {
            const CliResult r = runCli(c.arguments);
            QVERIFY2(r.exitCode == 2, qPrintable(c.arguments.join(' ') + " -> " + QString::number(r.exitCode)));
            QVERIFY2((r.err + r.out).contains(c.expected), qPrintable(r.err + r.out));
        }
        QVERIFY(runCli({"show", out.path() + "/missing"}).exitCode != 0);
    }

    void killedRunKeepsFinishedEpochs() {
        QTemporaryDir out;
        QProcess process;
        process.start(cliPath(), {"run", "--out", out.path(), "--dataset", "mnist:" + m_mnist, "--epochs", "100000",
                                  "--batch-size", "8", "--threads", "1"});
        QVERIFY(process.waitForStarted());
        // Wait for the run folder and three finished epochs.
        std::string metrics;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto& entry : std::filesystem::directory_iterator(out.path().toStdString())) {
                    metrics = entry.path().string() + "/metrics.csv";
                }
                return !metrics.empty() && csvRows(metrics) >= 3;
            }(),
            60000);
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        process.waitForFinished();
        const std::string directory = std::filesystem::path(metrics).parent_path().string();
        const int rowsOnDisk = csvRows(metrics);
        const RunRecord record = RunReader::load(directory);
        QCOMPARE(toString(record.summary.status), std::string("incomplete"));
        QVERIFY(rowsOnDisk >= 3);
        QCOMPARE(int(record.epochs.size()), rowsOnDisk);
        QCOMPARE(record.epochs.back().epoch, rowsOnDisk);
        const CliResult shown = runCli({"show", QString::fromStdString(directory)});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains("incomplete"));
    }

    void interruptStopsCleanly() {
        QTemporaryDir out;
        QProcess process;
        process.start(cliPath(), {"run", "--out", out.path(), "--dataset", "mnist:" + m_mnist, "--epochs", "100000",
                                  "--batch-size", "8", "--threads", "1"});
        QVERIFY(process.waitForStarted());
        QString progress;
        QTRY_VERIFY_WITH_TIMEOUT((progress += QString::fromUtf8(process.readAllStandardError())).contains("epoch"), 60000);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 130);
        const QString directory = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        const RunRecord record = RunReader::load(directory.toStdString());
        QCOMPARE(toString(record.summary.status), std::string("stopped"));
        QVERIFY(record.summary.epochs >= 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
