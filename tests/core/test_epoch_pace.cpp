// The pace of a demonstration: its written forms (preset files, the window's settings) and the
// pacer's schedule, without training anything.
#include <QtTest>
#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "shatter_error.h"
#include "train/epoch_pace.h"
#include "train/epoch_pacer.h"
#include "train/run_config.h"

using namespace shatter;
using Clock = EpochPacer::Clock;

namespace {

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

class TestEpochPace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writtenFormsReadBack() {
        for (const char* text : {"fast", "1/s", "2/s", "0.5/s", "30s", "90s"}) {
            QCOMPARE(EpochPace::parse(text).key(), std::string(text));
        }
        QVERIFY(EpochPace::parse("fast") == EpochPace::fastest());
        QVERIFY(EpochPace::parse("2/s") == EpochPace::perSecond(2));
        QVERIFY(EpochPace::parse("30s") == EpochPace::duration(30));
        QCOMPARE(EpochPace::perSecond(1).title(), std::string("1 epoch per second"));
        QCOMPARE(EpochPace::perSecond(2).title(), std::string("2 epochs per second"));
        QCOMPARE(EpochPace::duration(30).title(), std::string("About 30 s"));
    }

    void badFormsAreRefusedNamingTheOrigin() {
        for (const char* text :
             {"", "slow", "0s", "-3s", "1/m", "/s", "s", "nan/s", "1e9s", "30 s"}) {
            try {
                EpochPace::parse(text, "preset.json: pace");
                QFAIL(text);
            } catch (const ConfigError& error) {
                const QString message = error.what();
                QVERIFY2(message.startsWith("preset.json: pace"), qPrintable(message));
                QVERIFY2(message.contains("fast") && message.contains("N/s"), qPrintable(message));
            }
        }
    }

    void intervalFollowsThePaceAndTheEpochCount() {
        QCOMPARE(EpochPace::fastest().epochInterval(60), 0.0);
        QCOMPARE(EpochPace::perSecond(1).epochInterval(60), 1.0);
        QCOMPARE(EpochPace::perSecond(2).epochInterval(7), 0.5);
        QCOMPARE(EpochPace::duration(30).epochInterval(60), 0.5);
        QCOMPARE(EpochPace::duration(30).epochInterval(0), 0.0);
    }

    void aPresetsPaceIsNotARunSetting() {
        // A classroom preset file still runs through `shatter-cli run --config`.
        RunConfig config;
        config.mergeJson(nlohmann::json{{"title", "t"}, {"pace", "30s"}, {"epochs", 3}}, "preset");
        QCOMPARE(config.epochs, 3);
        QVERIFY(!config.toJson().contains("pace"));
    }

    void pacerWaitsUntilTheEpochsPlace() {
        EpochPacer pacer;
        pacer.setInterval(0.15);
        const Clock::time_point start = Clock::now();
        pacer.start(start);
        pacer.waitAfter(1, [] { return false; });
        QVERIFY(secondsSince(start) >= 0.149);
        pacer.waitAfter(2, [] { return false; });
        const double two = secondsSince(start);
        QVERIFY2(two >= 0.299 && two < 0.45, qPrintable(QString::number(two)));
    }

    void noIntervalNoWait() {
        EpochPacer pacer;
        pacer.start(Clock::now());
        const Clock::time_point start = Clock::now();
        for (int epoch = 1; epoch <= 100; ++epoch) pacer.waitAfter(epoch, [] { return false; });
        QVERIFY(secondsSince(start) < 0.05);
    }

    void lateEpochsAreCaughtUp() {
        // A run paced to a duration lasts about that long even when some epochs are slow.
        EpochPacer pacer;
        pacer.setInterval(0.1);
        const Clock::time_point start = Clock::now();
        pacer.start(start);
        std::this_thread::sleep_for(std::chrono::milliseconds(250));  // epoch 1 took 0.25 s
        const Clock::time_point late = Clock::now();
        pacer.waitAfter(1, [] { return false; });
        pacer.waitAfter(2, [] { return false; });  // epoch 2 took no time and was due at 0.2 s
        QVERIFY(secondsSince(late) < 0.04);
        pacer.waitAfter(3, [] { return false; });  // epoch 3 is due at 0.3 s
        const double three = secondsSince(start);
        QVERIFY2(three >= 0.299 && three < 0.4, qPrintable(QString::number(three)));
    }

    void pausedTimeMovesTheScheduleOn() {
        EpochPacer pacer;
        pacer.setInterval(0.1);
        const Clock::time_point start = Clock::now();
        pacer.start(start);
        pacer.postpone(std::chrono::milliseconds(200));
        pacer.waitAfter(1, [] { return false; });
        QVERIFY(secondsSince(start) >= 0.299);
    }

    void aNewIntervalTakesEffectDuringTheWait() {
        EpochPacer pacer;
        pacer.setInterval(10.0);
        const Clock::time_point start = Clock::now();
        pacer.start(start);
        std::thread faster([&pacer] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            pacer.setInterval(0.2);
        });
        pacer.waitAfter(1, [] { return false; });
        faster.join();
        const double waited = secondsSince(start);
        QVERIFY2(waited >= 0.199 && waited < 1.0, qPrintable(QString::number(waited)));
    }

    void anInterruptionEndsTheWaitPromptly() {
        EpochPacer pacer;
        pacer.setInterval(30.0);
        pacer.start(Clock::now());
        std::atomic<bool> stop{false};
        std::thread stopper([&stop] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            stop = true;
        });
        const Clock::time_point start = Clock::now();
        pacer.waitAfter(1, [&stop] { return stop.load(); });
        stopper.join();
        const double waited = secondsSince(start);
        QVERIFY2(waited < 0.1 + 0.1, qPrintable(QString::number(waited)));
    }
};

QTEST_GUILESS_MAIN(TestEpochPace)
#include "test_epoch_pace.moc"
