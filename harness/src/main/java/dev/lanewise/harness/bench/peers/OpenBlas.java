package dev.lanewise.harness.bench.peers;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * OpenBLAS's CBLAS through {@code java.lang.foreign}: sdot, saxpy, sgemv and sgemm on Java {@code float[]}s,
 * called on the arrays themselves ({@link Linker.Option#critical(boolean) critical} downcalls with heap access:
 * no copy, and no GC can move the arrays during the call). The library is found once per JVM by
 * {@link OpenBlasLocator} and loaded when this class initializes; where it is missing or fails to load,
 * {@link #available()} is false, {@link #library()} says why, and every call throws
 * {@link IllegalStateException}. Matrices are row-major (CBLAS's {@code CblasRowMajor}), as lanewise's.
 *
 * <p>The handles sit in {@code static final} fields, so C2 sees constants and inlines the downcall stubs.
 */
public final class OpenBlas {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private static final Loaded LOADED = Loaded.of(OpenBlasLocator.locate());
    private static final MethodHandle SDOT = LOADED.sdot;
    private static final MethodHandle SAXPY = LOADED.saxpy;
    private static final MethodHandle SGEMV = LOADED.sgemv;
    private static final MethodHandle SGEMM = LOADED.sgemm;
    private static final MethodHandle SET_NUM_THREADS = LOADED.setNumThreads;
    private static final MethodHandle GET_NUM_THREADS = LOADED.getNumThreads;

    private OpenBlas() {}

    /** The library loaded in this JVM (path and {@code openblas_get_config()}), or why there is none. */
    public static PeerLibrary library() {
        return LOADED.library;
    }

    /** Whether OpenBLAS was found and loaded. */
    public static boolean available() {
        return LOADED.library.available();
    }

    /** Throws, naming {@code who} and the reason, where OpenBLAS is missing. */
    public static void require(String who) {
        if (!available()) {
            throw new IllegalStateException(who + " needs OpenBLAS: " + LOADED.library.reason());
        }
    }

    /** {@code openblas_get_config()}, e.g. {@code OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64}. */
    public static String config() {
        require("OpenBlas.config");
        return LOADED.config;
    }

    /** {@code openblas_set_num_threads}: the threads every later call may use (the process-wide setting). */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        require("OpenBlas.setThreads");
        try {
            SET_NUM_THREADS.invokeExact(threads);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code openblas_get_num_threads()}. */
    public static int threads() {
        require("OpenBlas.threads");
        try {
            return (int) GET_NUM_THREADS.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code cblas_sdot}: the sum of {@code x[i] * y[i]} for {@code i < n}. */
    public static float sdot(int n, float[] x, float[] y) {
        NativeBounds.length("n", n);
        NativeBounds.holds("x", x, n);
        NativeBounds.holds("y", y, n);
        require("OpenBlas.sdot");
        try {
            return (float) SDOT.invokeExact(n, MemorySegment.ofArray(x), 1, MemorySegment.ofArray(y), 1);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code cblas_saxpy}: {@code y[i] += alpha * x[i]} for {@code i < n}. */
    public static void saxpy(int n, float alpha, float[] x, float[] y) {
        NativeBounds.length("n", n);
        NativeBounds.holds("x", x, n);
        NativeBounds.holds("y", y, n);
        require("OpenBlas.saxpy");
        try {
            SAXPY.invokeExact(n, alpha, MemorySegment.ofArray(x), 1, MemorySegment.ofArray(y), 1);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code cblas_sgemv}: {@code y = alpha * op(A) * x + beta * y}, A a row-major {@code m x n} matrix with
     * leading dimension {@code lda}; x has n elements and y m, or with {@code trans} x has m and y n
     * (the semantics of lanewise's {@code Gemm.sgemv}).
     */
    public static void sgemv(boolean trans, int m, int n, float alpha, float[] a, int lda, float[] x, float beta,
            float[] y) {
        NativeBounds.matrix("a", a, m, n, lda);
        NativeBounds.holds("x", x, trans ? m : n);
        NativeBounds.holds("y", y, trans ? n : m);
        require("OpenBlas.sgemv");
        try {
            SGEMV.invokeExact(ROW_MAJOR, trans ? TRANS : NO_TRANS, m, n, alpha, MemorySegment.ofArray(a), lda,
                    MemorySegment.ofArray(x), 1, beta, MemorySegment.ofArray(y), 1);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code cblas_sgemm}: {@code C = alpha * op(A) * op(B) + beta * C}, row-major, C {@code m x n}; A is stored
     * {@code m x k} ({@code k x m} when transposed), B {@code k x n} ({@code n x k} when transposed), as in
     * lanewise's {@code Gemm.sgemm}. Runs on the threads {@link #setThreads} allowed.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        NativeBounds.matrix("a", a, transA ? k : m, transA ? m : k, lda);
        NativeBounds.matrix("b", b, transB ? n : k, transB ? k : n, ldb);
        NativeBounds.matrix("c", c, m, n, ldc);
        require("OpenBlas.sgemm");
        try {
            SGEMM.invokeExact(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha,
                    MemorySegment.ofArray(a), lda, MemorySegment.ofArray(b), ldb, beta, MemorySegment.ofArray(c), ldc);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** The loaded library's handles, or nulls and the reason. */
    private record Loaded(PeerLibrary library, String config, MethodHandle sdot, MethodHandle saxpy,
            MethodHandle sgemv, MethodHandle sgemm, MethodHandle setNumThreads, MethodHandle getNumThreads) {

        static Loaded of(PeerLibrary located) {
            if (!located.available()) {
                return missing(located);
            }
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup lookup = SymbolLookup.libraryLookup(located.path(), Arena.global());
                // Heap arrays go straight to the native code; the calls never call back into Java.
                Linker.Option heap = Linker.Option.critical(true);
                MethodHandle sdot = linker.downcallHandle(lookup.findOrThrow("cblas_sdot"),
                        FunctionDescriptor.of(JAVA_FLOAT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT), heap);
                MethodHandle saxpy = linker.downcallHandle(lookup.findOrThrow("cblas_saxpy"),
                        FunctionDescriptor.ofVoid(JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT), heap);
                MethodHandle sgemv = linker.downcallHandle(lookup.findOrThrow("cblas_sgemv"),
                        FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT,
                                ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT), heap);
                MethodHandle sgemm = linker.downcallHandle(lookup.findOrThrow("cblas_sgemm"),
                        FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_FLOAT,
                                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT), heap);
                MethodHandle setNumThreads = linker.downcallHandle(lookup.findOrThrow("openblas_set_num_threads"),
                        FunctionDescriptor.ofVoid(JAVA_INT));
                MethodHandle getNumThreads = linker.downcallHandle(lookup.findOrThrow("openblas_get_num_threads"),
                        FunctionDescriptor.of(JAVA_INT));
                MethodHandle getConfig = linker.downcallHandle(lookup.findOrThrow("openblas_get_config"),
                        FunctionDescriptor.of(ADDRESS));
                String config = ((MemorySegment) getConfig.invokeExact()).reinterpret(4096).getString(0);
                PeerLibrary library = PeerLibrary.found(Peer.OPENBLAS, located.path(),
                        located.description() + ", openblas_get_config(): " + config);
                return new Loaded(library, config, sdot, saxpy, sgemv, sgemm, setNumThreads, getNumThreads);
            } catch (Throwable t) {
                // A file that is no shared library, a build without CBLAS, native access denied to this module.
                return missing(PeerLibrary.missing(Peer.OPENBLAS, "OpenBLAS at " + located.path()
                        + " could not be loaded: " + t));
            }
        }

        private static Loaded missing(PeerLibrary library) {
            return new Loaded(library, null, null, null, null, null, null, null);
        }
    }
}
