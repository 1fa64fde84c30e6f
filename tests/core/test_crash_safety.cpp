// What a run leaves on disk when its process is killed at a random moment or its disk fills up:
// every folder loads, every finished epoch is intact, the status is right, no temporary file.
//
// SHATTER_CRASH_KILLS sets how many runs are killed (default 8; the acceptance run uses 40).
#include <sys/resource.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <filesystem>
#include <random>

#include "run/run_reader.h"
#include "shatter_error.h"
#include "support/fixtures.h"

using namespace shatter;

namespace {

namespace fs = std::filesystem;

QString cliPath() { return qEnvironmentVariable("SHATTER_CLI"); }

// Every file under `root` whose name ends in .tmp, hidden folders included.
QStringList temporaryFiles(const QString& root) {
    QStringList found;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root.toStdString(), ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".tmp") found << QString::fromStdString(it->path().string());
    }
    return found;
}

// Checks one run folder as a user would open it; returns what is wrong, empty when all is well.
QString checkRunFolder(const fs::path& folder, bool mayBeUnfinished) {
    RunRecord record;
    try {
        record = RunReader::load(folder.string());
    } catch (const ShatterError& error) {
        return QString("does not load: ") + error.what();
    }
    for (std::size_t i = 0; i < record.epochs.size(); ++i) {
        if (record.epochs[i].epoch != int(i) + 1) return QString("row %1 holds epoch %2").arg(i).arg(record.epochs[i].epoch);
        if (!(record.epochs[i].trainLoss >= 0.0)) return QString("row %1 has no training loss").arg(i);
    }
    const RunStatus status = record.summary.status;
    if (!mayBeUnfinished && status != RunStatus::Finished) return "status " + QString::fromStdString(toString(status));
    if (status == RunStatus::Finished && int(record.epochs.size()) != record.config.epochs) {
        return QString("finished with %1 of %2 epochs").arg(record.epochs.size()).arg(record.config.epochs);
    }
    if (record.hasSummary != (status != RunStatus::Incomplete)) return "status does not match summary.json";
    if (record.hasExamples) {
        try {
            const ExampleRecords examples = RunReader::loadExamples(folder.string());
            // examples.bin follows the metrics row of its epoch.
            const int rows = int(record.epochs.size());
            if (examples.epoch != rows && examples.epoch != rows - 1) {
                return QString("examples.bin is of epoch %1 with %2 rows").arg(examples.epoch).arg(rows);
            }
        } catch (const ShatterError& error) {
            return QString("examples.bin: ") + error.what();
        }
    }
    return {};
}

}  // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    QString m_mnist;

    QStringList runArguments(const QString& out, int epochs) const {
        return {"run", "--out", out, "--dataset", "mnist:" + m_mnist, "--epochs", QString::number(epochs),
                "--batch-size", "50", "--threads", "1"};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!cliPath().isEmpty(), "SHATTER_CLI is not set (run through ctest)");
        m_mnist = m_data.path() + "/mnist";
        test::writeMnistFolder(m_mnist.toStdString(), test::makeSyntheticDataset(100, 5, 10, 1, 28), false);
    }

    void killedAtRandomMomentsLeavesLoadableFolders() {
        const int kills = qEnvironmentVariableIsSet("SHATTER_CRASH_KILLS")
                              ? qEnvironmentVariableIntValue("SHATTER_CRASH_KILLS")
                              : 8;
        // One run to learn how long start-up and training take here.
        QTemporaryDir timing;
        QElapsedTimer clock;
        clock.start();
        QProcess probe;
        probe.start(cliPath(), runArguments(timing.path(), 30));
        QVERIFY(probe.waitForFinished(120000));
        QCOMPARE(probe.exitCode(), 0);
        const qint64 fullRunMs = clock.elapsed();

        std::mt19937 random(20260127u);
        std::uniform_int_distribution<qint64> moment(0, fullRunMs);
        QTemporaryDir out;
        int folders = 0;
        for (int k = 0; k < kills; ++k) {
            QProcess process;
            process.start(cliPath(), runArguments(out.path(), 30));
            QVERIFY(process.waitForStarted());
            const qint64 delay = moment(random);
            if (process.waitForFinished(int(delay))) continue;  // finished first: also checked below
            ::kill(pid_t(process.processId()), SIGKILL);
            QVERIFY(process.waitForFinished(10000));
        }
        for (const auto& entry : fs::directory_iterator(out.path().toStdString())) {
            const std::string name = entry.path().filename().string();
            if (name.front() == '.') continue;  // the folder of a run killed before it existed
            ++folders;
            const QString problem = checkRunFolder(entry.path(), true);
            QVERIFY2(problem.isEmpty(), qPrintable(QString::fromStdString(name) + ": " + problem));
        }
        qInfo("%d kills, %d run folders, full run %lld ms", kills, folders, fullRunMs);
        QVERIFY2(temporaryFiles(out.path()).isEmpty(), qPrintable(temporaryFiles(out.path()).join(", ")));
        // A later run clears the staging folders of killed processes.
        QProcess last;
        last.start(cliPath(), runArguments(out.path(), 1));
        QVERIFY(last.waitForFinished(120000));
        QCOMPARE(last.exitCode(), 0);
        for (const auto& entry : fs::directory_iterator(out.path().toStdString())) {
            QVERIFY2(entry.path().filename().string().front() != '.', entry.path().c_str());
        }
    }

    void aFullDiskEndsTheRunFailedWithTheFirstError() {
        // RLIMIT_FSIZE stands in for a full disk: examples.bin (17 bytes per training example)
        // outgrows the limit at the first epoch; config.json, metrics.csv and the summary fit.
        QTemporaryDir out;
        QProcess process;
        process.setChildProcessModifier([] {
            std::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
            const rlimit limit{16384, 16384};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        process.start(cliPath(), runArguments(out.path(), 3));
        QVERIFY(process.waitForFinished(120000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 1, qPrintable(err));
        QVERIFY2(err.contains("examples.bin") && err.contains("File too large"), qPrintable(err));

        const QString folder = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        const RunRecord record = RunReader::load(folder.toStdString());
        QCOMPARE(toString(record.summary.status), std::string("failed"));
        QVERIFY2(record.summary.message.find("examples.bin") != std::string::npos, record.summary.message.c_str());
        QCOMPARE(int(record.epochs.size()), 1);  // the row written before examples.bin failed
        QVERIFY2(temporaryFiles(out.path()).isEmpty(), qPrintable(temporaryFiles(out.path()).join(", ")));
        QVERIFY(!fs::exists(fs::path(folder.toStdString()) / ".summary.reserve"));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "test_crash_safety.moc"
