#include <QtTest>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "util/seeded_random.h"

using namespace shatter;

// SeededRandom's promises: a seed fixes every draw, and each draw has the distribution its
// comment names.
class TestSeededRandom : public QObject {
    Q_OBJECT

    static constexpr int kDraws = 200000;

private Q_SLOTS:
    void sameSeedSameSequence() {
        SeededRandom a(42), b(42);
        for (int i = 0; i < 1000; ++i) {
            QCOMPARE(a.below(1000), b.below(1000));
            QCOMPARE(a.uniform(), b.uniform());
            QCOMPARE(a.normal(), b.normal());
        }
        QCOMPARE(a.permutation(50), b.permutation(50));
        QCOMPARE(SeededRandom::deriveSeed(7, 201), SeededRandom::deriveSeed(7, 201));
    }

    void differentSeedsDiffer() {
        SeededRandom a(1), b(2);
        int same = 0;
        for (int i = 0; i < 100; ++i) same += a.below(1u << 30) == b.below(1u << 30);
        QVERIFY(same < 3);
        QVERIFY(SeededRandom(1).permutation(100) != SeededRandom(2).permutation(100));
        // Each purpose gets its own stream, and so does each seed.
        QVERIFY(SeededRandom::deriveSeed(7, 201) != SeededRandom::deriveSeed(7, 202));
        QVERIFY(SeededRandom::deriveSeed(7, 201) != SeededRandom::deriveSeed(8, 201));
    }

    void belowIsUniformInRange() {
        SeededRandom random(3);
        std::vector<int> counts(10, 0);
        for (int i = 0; i < kDraws; ++i) {
            const std::uint64_t value = random.below(10);
            QVERIFY(value < 10);
            ++counts[value];
        }
        for (int count : counts) QVERIFY(std::abs(count - kDraws / 10) < kDraws / 100);
        QCOMPARE(random.below(1), std::uint64_t(0));
    }

    void uniformIsInUnitInterval() {
        SeededRandom random(4);
        double sum = 0.0, low = 1.0, high = 0.0;
        for (int i = 0; i < kDraws; ++i) {
            const double value = random.uniform();
            QVERIFY(value >= 0.0 && value < 1.0);
            sum += value;
            low = std::min(low, value);
            high = std::max(high, value);
        }
        QVERIFY(std::abs(sum / kDraws - 0.5) < 0.005);
        QVERIFY(low < 0.001 && high > 0.999);
    }

    void normalHasMeanZeroAndUnitVariance() {
        SeededRandom random(5);
        double sum = 0.0, squares = 0.0;
        int beyondTwo = 0;
        for (int i = 0; i < kDraws; ++i) {
            const double value = random.normal();
            QVERIFY(std::isfinite(value));
            sum += value;
            squares += value * value;
            beyondTwo += std::abs(value) > 2.0;
        }
        const double mean = sum / kDraws;
        QVERIFY(std::abs(mean) < 0.01);
        QVERIFY(std::abs(squares / kDraws - mean * mean - 1.0) < 0.02);
        // 4.55% of a standard normal lies beyond two standard deviations.
        QVERIFY(std::abs(double(beyondTwo) / kDraws - 0.0455) < 0.003);
    }

    void permutationAndShuffleKeepEveryElement() {
        SeededRandom random(6);
        std::vector<int> order = random.permutation(1000);
        std::vector<int> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        std::vector<int> identity(1000);
        std::iota(identity.begin(), identity.end(), 0);
        QCOMPARE(sorted, identity);
        QVERIFY(order != identity);
        QVERIFY(random.permutation(0).empty());

        std::vector<int> values = identity;
        random.shuffle(values);
        QVERIFY(values != identity);
        std::sort(values.begin(), values.end());
        QCOMPARE(values, identity);
    }

    void permutationPlacesEachElementEverywhere() {
        // Fisher-Yates is uniform: element 0 lands in each of 4 places about equally often.
        SeededRandom random(8);
        std::vector<int> where(4, 0);
        for (int i = 0; i < 40000; ++i) {
            const std::vector<int> order = random.permutation(4);
            ++where[std::find(order.begin(), order.end(), 0) - order.begin()];
        }
        for (int count : where) QVERIFY(std::abs(count - 10000) < 400);
    }
};

QTEST_GUILESS_MAIN(TestSeededRandom)
#include "test_seeded_random.moc"
