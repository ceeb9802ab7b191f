package dev.lanewise.harness.peers;

import dev.lanewise.harness.bench.peers.CReferenceBuild;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Seeded inputs for the native peers' tests, and whether gcc runs here. */
final class NativeData {
    private NativeData() {}

    /** {@code n} floats uniform in [-bound, bound). */
    static float[] uniform(SplittableRandom random, int n, double bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(-bound, bound);
        }
        return v;
    }

    /**
     * Whether {@code gcc --version} runs (the compiler {@code -Dlanewise.peers.cc} names, as the build uses): the
     * one thing the C tests may assume.
     */
    static boolean gccRuns() {
        try {
            Process process = new ProcessBuilder(compiler(), "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The compiler the build runs. */
    static String compiler() {
        return System.getProperty(CReferenceBuild.COMPILER_PROPERTY, "gcc");
    }
}
