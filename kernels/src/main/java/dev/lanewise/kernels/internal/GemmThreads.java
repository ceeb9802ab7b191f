package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.gemm.GemmSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs the parts of one product on several threads: part 0 on the caller, the others on a shared pool of
 * daemon threads (so an idle pool never keeps the JVM alive). Each part writes its own disjoint block of
 * the output, so no part waits for another and the result does not depend on which thread ran which part.
 */
public final class GemmThreads {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "lanewise-gemm");
        thread.setDaemon(true);
        return thread;
    });

    private GemmThreads() {}

    /** Runs {@code part.accept(p)} for every {@code p < parts}, returning when all are done. */
    public static void run(int parts, IntConsumer part) {
        if (parts <= 1) {
            part.accept(0);
            return;
        }
        List<Future<?>> others = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int index = p;
            others.add(POOL.submit(() -> part.accept(index)));
        }
        RuntimeException failure = null;
        try {
            part.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> other : others) {
            while (true) {
                try {
                    other.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: the parts still write into the caller's array
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * How many parts to split a product into: no more than {@code threads}, no more than the blocks there
     * are, and one for products under {@link GemmSettings#minSplitFlops()}.
     */
    public static int parts(int threads, long flops, int blocks) {
        if (threads <= 1 || flops < GemmSettings.minSplitFlops()) {
            return 1;
        }
        return Math.max(1, Math.min(threads, blocks));
    }

    /**
     * The first index of {@code part} when {@code total} indices are split into {@code parts} nearly equal
     * runs, each starting at a multiple of {@code align} (the last run takes what is left).
     */
    public static int start(int part, int parts, int total, int align) {
        int blocks = (total + align - 1) / align;
        return (int) Math.min(total, (long) blocks * part / parts * align);
    }
}
