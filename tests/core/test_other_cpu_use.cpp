#include <QtTest>

#include "util/other_cpu_use.h"

using namespace shatter;

// Reading the machine's busy time from /proc/stat, which the thread calibration uses to tell
// whether other programs took cores while it measured.
class TestOtherCpuUse : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void busyTimeLeavesIdleAndIowaitOut() {
        const std::string stat =
            "cpu  1000 200 300 50000 400 10 20 30 0 0\n"
            "cpu0 500 100 150 25000 200 5 10 15 0 0\n"
            "intr 12345\n";
        // user + nice + system + irq + softirq + steal = 1560 ticks at 100 per second.
        QCOMPARE(OtherCpuUse::busySeconds(stat, 100), 15.6);
        QCOMPARE(OtherCpuUse::busySeconds("intr 1\n", 100), 0.0);
        QCOMPARE(OtherCpuUse::busySeconds(stat, 0), 0.0);
    }

    void anIntervalGivesAShareOfTheCores() {
        const OtherCpuUse use;
        QTest::qWait(50);
        const double cores = use.coresSinceStart();
        QVERIFY(cores >= 0.0);
        QVERIFY(cores <= 1024.0);
    }
};

QTEST_GUILESS_MAIN(TestOtherCpuUse)
#include "test_other_cpu_use.moc"
