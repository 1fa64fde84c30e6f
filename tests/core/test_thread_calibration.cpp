#include <QtTest>

#include <filesystem>
#include <fstream>

#include "shatter_error.h"
#include "util/thread_calibration.h"

using namespace shatter;

// The thread calibration file: this machine's measured split per network, channels and thread
// count, kept apart from other machines sharing the file; broken files named.
class TestThreadCalibration : public QObject {
    Q_OBJECT

    static std::string write(const QTemporaryDir& dir, const std::string& text) {
        const std::string path = dir.filePath("calibration.json").toStdString();
        std::ofstream(path) << text;
        return path;
    }

private Q_SLOTS:
    void machineKeyNamesCpuCoresBlasAndLibTorch() {
        QCOMPARE(ThreadCalibration::machineKey("Xeon", 16, "mkl", "2.11.0"),
                 std::string("Xeon · 16 cores · BLAS mkl · LibTorch 2.11.0"));
        QCOMPARE(ThreadCalibration::machineKey("", 1, "generic", "1.13.0"),
                 std::string("unknown CPU · 1 core · BLAS generic · LibTorch 1.13.0"));
    }

    void recordsSavesAndFindsPerNetworkChannelsAndThreads() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("cache/shatter/thread-calibration.json").toStdString();
        ThreadCalibration written("machine A");
        written.record("mlp-1x512", 3, 16, {{16, 1}, 113747.0, "2026-11-27T13:00:00Z"});
        written.record("alexnet", 3, 16, {{16, 16}, 2676.0, "2026-11-27T13:01:00Z"});
        written.save(path);  // creates the folders

        ThreadCalibration read("machine A");
        read.load(path);
        const auto mlp = read.find("mlp-1x512", 3, 16);
        QVERIFY(mlp.has_value());
        QCOMPARE(mlp->pools, (ThreadPools{16, 1}));
        QCOMPARE(mlp->samplesPerSecond, 113747.0);
        QCOMPARE(mlp->measuredAt, std::string("2026-11-27T13:00:00Z"));
        QCOMPARE(read.find("alexnet", 3, 16)->pools, (ThreadPools{16, 16}));
        // Another thread count, other channels, another network: not measured.
        QVERIFY(!read.find("mlp-1x512", 3, 8));
        QVERIFY(!read.find("mlp-1x512", 1, 16));
        QVERIFY(!read.find("inception", 3, 16));
    }

    void anotherMachinesEntriesAreKeptButNotUsed() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("thread-calibration.json").toStdString();
        ThreadCalibration a("machine A");
        a.record("mlp-1x512", 3, 2, {{1, 2}, 30000.0, "t"});
        a.save(path);

        ThreadCalibration b("machine B");
        b.load(path);
        QVERIFY(!b.find("mlp-1x512", 3, 2));
        b.record("mlp-1x512", 3, 2, {{2, 1}, 20000.0, "t"});
        b.save(path);

        ThreadCalibration again("machine A");
        again.load(path);
        QCOMPARE(again.find("mlp-1x512", 3, 2)->pools, (ThreadPools{1, 2}));
        ThreadCalibration againB("machine B");
        againB.load(path);
        QCOMPARE(againB.find("mlp-1x512", 3, 2)->pools, (ThreadPools{2, 1}));
    }

    void aMissingFileHoldsNothing() {
        QTemporaryDir dir;
        ThreadCalibration calibration("machine A");
        calibration.load(dir.filePath("none.json").toStdString());
        QVERIFY(!calibration.find("mlp-1x512", 3, 2));
    }

    void brokenFilesAreNamed() {
        QTemporaryDir dir;
        const auto expectRefused = [](const std::string& path, const char* fragment) {
            ThreadCalibration calibration("machine A");
            try {
                calibration.load(path);
                QFAIL("loaded a broken calibration file");
            } catch (const ConfigError& e) {
                const QString message = e.what();
                QVERIFY2(message.contains("calibration.json") && message.contains(fragment), qPrintable(message));
            }
        };
        expectRefused(write(dir, "{ not json"), "not a readable thread calibration");
        expectRefused(write(dir, "[1, 2]"), "not a Shatter thread calibration");
        expectRefused(write(dir, R"({"format": 1, "machines": {"m": {"k": {"libtorch_threads": 2}}}})"),
                      "not a readable thread calibration");
        expectRefused(write(dir, R"({"format": 1, "machines": {"m": {"k": {"libtorch_threads": 0, "blas_threads": 1,
                      "samples_per_second": 1.0, "measured_at": "t"}}}})"),
                      "at least 1");
    }

    void defaultPathFollowsXdgCacheHomeThenHome() {
        const QByteArray cache = qgetenv("XDG_CACHE_HOME");
        const QByteArray home = qgetenv("HOME");
        qputenv("XDG_CACHE_HOME", "/somewhere/cache");
        QCOMPARE(ThreadCalibration::defaultPath(), std::string("/somewhere/cache/shatter/thread-calibration.json"));
        qunsetenv("XDG_CACHE_HOME");
        qputenv("HOME", "/home/teacher");
        QCOMPARE(ThreadCalibration::defaultPath(), std::string("/home/teacher/.cache/shatter/thread-calibration.json"));
        qputenv("XDG_CACHE_HOME", cache);
        qputenv("HOME", home);
    }
};

QTEST_GUILESS_MAIN(TestThreadCalibration)
#include "test_thread_calibration.moc"
