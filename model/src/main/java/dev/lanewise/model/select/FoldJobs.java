package dev.lanewise.model.select;

import dev.lanewise.kernels.gemm.GemmSettings;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.estimator.NetworkEstimator;
import dev.lanewise.model.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fits and scores many (estimator, fold) pairs, on the calling thread or on a fixed pool of workers. Each
 * result lands in its own slot, so the results do not depend on the thread count or on which worker ran
 * what; and GEMM gives the same bits for any thread count, so neither does a fit.
 */
final class FoldJobs {
    private FoldJobs() {}

    /** The training and test rows of one fold, selected once and shared (read-only) by every candidate. */
    record FoldData(Dataset train, Dataset test) {}

    /**
     * Fits {@code estimators[i]} on {@code folds.get(i % k)} and scores it, for every {@code i}, and returns
     * the outcomes in the same order. Slot {@code i} of {@code estimators} is cleared once its job is done,
     * so that a long search does not keep every fitted network alive.
     *
     * @param threads 1: every job on the calling thread, GEMM left at its setting; more: a pool of that many
     *                workers, each fit with GEMM on its own thread alone
     */
    static List<FoldOutcome> run(NetworkEstimator[] estimators, List<FoldData> folds, Scoring scoring, int threads) {
        int k = folds.size();
        FoldOutcome[] outcomes = new FoldOutcome[estimators.length];
        if (threads == 1) {
            for (int i = 0; i < estimators.length; i++) {
                outcomes[i] = fitAndScore(estimators[i], folds.get(i % k), scoring);
                estimators[i] = null;
            }
            return List.of(outcomes);
        }
        AtomicInteger workerNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "lanewise-search-" + workerNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FoldOutcome>> futures = new ArrayList<>(estimators.length);
            for (int i = 0; i < estimators.length; i++) {
                int job = i;
                futures.add(pool.submit(() -> {
                    // One GEMM thread per fit: the workers already fill the cores.
                    FoldOutcome outcome = GemmSettings.callWithThreads(1,
                            () -> fitAndScore(estimators[job], folds.get(job % k), scoring));
                    estimators[job] = null;
                    return outcome;
                }));
            }
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = await(futures.get(i));
            }
            return List.of(outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fits on the fold's training rows and scores on its test rows; a diverged fit scores -Infinity. */
    static FoldOutcome fitAndScore(NetworkEstimator estimator, FoldData fold, Scoring scoring) {
        long started = System.nanoTime();
        try {
            estimator.fit(fold.train());
        } catch (TrainingDivergedException e) {
            return new FoldOutcome(Double.NEGATIVE_INFINITY, true, (System.nanoTime() - started) / 1e9);
        }
        double score = scoring.score(estimator, fold.test());
        return new FoldOutcome(Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score, false,
                (System.nanoTime() - started) / 1e9);
    }

    private static FoldOutcome await(Future<FoldOutcome> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a cross-validation fit failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cross-validation fits", e);
        }
    }
}
