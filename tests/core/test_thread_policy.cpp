#include <QtTest>

#include "util/thread_policy.h"

using namespace shatter;

// ThreadPolicy's decisions: a model's measured split applies only where OpenBLAS does the matrix
// products; any other BLAS takes its threads from LibTorch's pool, which then gets them all.
class TestThreadPolicy : public QObject {
    Q_OBJECT

    static constexpr const char* kDebian =
        "  - Build settings: BLAS_INFO=generic, BUILD_TYPE=RelWithDebInfo, LAPACK_INFO=generic, ";
    static constexpr const char* kPyTorchWheel =
        "  - Build settings: BLAS_INFO=mkl, BUILD_TYPE=Release, LAPACK_INFO=mkl, ";

private Q_SLOTS:
    void readsTheBlasFromTheBuildSettings() {
        QCOMPARE(ThreadPolicy::matmulThreadsFrom(kDebian, true), MatmulThreads::BlasPool);
        QCOMPARE(ThreadPolicy::matmulThreadsFrom("BLAS_INFO=open\n", true),
                 MatmulThreads::BlasPool);
        QCOMPARE(ThreadPolicy::matmulThreadsFrom(kPyTorchWheel, true), MatmulThreads::LibTorchPool);
        // OpenBLAS named but not callable: nothing to size, LibTorch's pool it is.
        QCOMPARE(ThreadPolicy::matmulThreadsFrom(kDebian, false), MatmulThreads::LibTorchPool);
        QCOMPARE(ThreadPolicy::matmulThreadsFrom("no build settings", true),
                 MatmulThreads::LibTorchPool);
        QCOMPARE(ThreadPolicy::matmulThreadsFrom("BLAS_INFO=openblasish", true),
                 MatmulThreads::LibTorchPool);
    }

    void openBlasGetsTheModelsMeasuredSplit() {
        const MatmulThreads blas = MatmulThreads::BlasPool;
        QCOMPARE(ThreadPolicy::choose(ThreadSplit::BlasThreads, 2, blas), (ThreadPools{1, 2}));
        QCOMPARE(ThreadPolicy::choose(ThreadSplit::LibTorchThreads, 2, blas), (ThreadPools{2, 1}));
        QCOMPARE(ThreadPolicy::choose(ThreadSplit::BothPools, 2, blas), (ThreadPools{2, 2}));
        QCOMPARE(ThreadPolicy::choose(ThreadSplit::BlasThreads, 16, blas), (ThreadPools{1, 16}));
    }

    void otherBlasGivesLibTorchEveryThread() {
        // The case measured on 16 cores: OpenBLAS 16 + LibTorch 1 ran at one thread's speed.
        const MatmulThreads own = MatmulThreads::LibTorchPool;
        for (ThreadSplit split :
             {ThreadSplit::BlasThreads, ThreadSplit::LibTorchThreads, ThreadSplit::BothPools}) {
            QCOMPARE(ThreadPolicy::choose(split, 16, own), (ThreadPools{16, 1}));
            QCOMPARE(ThreadPolicy::choose(split, 1, own), (ThreadPools{1, 1}));
        }
    }

    void atLeastOneThread() {
        QCOMPARE(ThreadPolicy::choose(ThreadSplit::BothPools, 0, MatmulThreads::BlasPool),
                 (ThreadPools{1, 1}));
    }

    void describesThePools() {
        QCOMPARE(ThreadPolicy::describe({1, 2}, MatmulThreads::BlasPool),
                 std::string("OpenBLAS 2, LibTorch 1"));
        QCOMPARE(ThreadPolicy::describe({16, 1}, MatmulThreads::LibTorchPool),
                 std::string("LibTorch 16"));
    }
};

QTEST_APPLESS_MAIN(TestThreadPolicy)
#include "test_thread_policy.moc"
