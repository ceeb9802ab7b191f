package dev.lanewise.harness.bench.peers;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * lanewise's C reference kernels (peers/c/reference_lib.c) through {@code java.lang.foreign}, on Java
 * {@code float[]}s passed without copying ({@link Linker.Option#critical(boolean) critical} downcalls with heap
 * access). The library is the file {@code -Dlanewise.peers.c} names (the bench command builds it and hands it
 * to its forks), else {@link CReferenceBuild#build()} builds it when this class initializes. Where it is
 * missing, {@link #available()} is false, {@link #library()} says why, and every call throws
 * {@link IllegalStateException}.
 *
 * <p>The handles sit in {@code static final} fields, so C2 sees constants and inlines the downcall stubs.
 */
public final class CReference {
    private static final Loaded LOADED = Loaded.of(locate());
    private static final MethodHandle DOT = LOADED.dot;
    private static final MethodHandle AXPY = LOADED.axpy;
    private static final MethodHandle SIGMOID = LOADED.sigmoid;
    private static final MethodHandle SOFTMAX_CROSS_ENTROPY = LOADED.softmaxCrossEntropy;
    private static final MethodHandle ADAM = LOADED.adam;

    private CReference() {}

    /** The library loaded in this JVM (its path and build command), or why there is none. */
    public static PeerLibrary library() {
        return LOADED.library;
    }

    /** Whether the library was built (or given) and loaded. */
    public static boolean available() {
        return LOADED.library.available();
    }

    /** Throws, naming {@code who} and the reason, where the library is missing. */
    public static void require(String who) {
        if (!available()) {
            throw new IllegalStateException(who + " needs the C reference kernels: " + LOADED.library.reason());
        }
    }

    /** {@code lwref_dot}: the sum of {@code x[i] * y[i]}, 4 accumulators at the CPU's widest width. */
    public static float dot(int n, float[] x, float[] y) {
        NativeBounds.length("n", n);
        NativeBounds.holds("x", x, n);
        NativeBounds.holds("y", y, n);
        require("CReference.dot");
        try {
            return (float) DOT.invokeExact((long) n, MemorySegment.ofArray(x), MemorySegment.ofArray(y));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code lwref_axpy}: {@code y[i] += alpha * x[i]}. */
    public static void axpy(int n, float alpha, float[] x, float[] y) {
        NativeBounds.length("n", n);
        NativeBounds.holds("x", x, n);
        NativeBounds.holds("y", y, n);
        require("CReference.axpy");
        try {
            AXPY.invokeExact((long) n, alpha, MemorySegment.ofArray(x), MemorySegment.ofArray(y));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code lwref_sigmoid}: {@code out[i] = 1 / (1 + exp(-x[i]))}, exp from libmvec. */
    public static void sigmoid(int n, float[] x, float[] out) {
        NativeBounds.length("n", n);
        NativeBounds.holds("x", x, n);
        NativeBounds.holds("out", out, n);
        require("CReference.sigmoid");
        try {
            SIGMOID.invokeExact((long) n, MemorySegment.ofArray(x), MemorySegment.ofArray(out));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code lwref_softmax_cross_entropy} on contiguous rows, as lanewise's
     * {@code Losses.softmaxCrossEntropy(cols, logits, labels, grad)}: the mean loss over
     * {@code rows = labels.length}, and (softmax - onehot)/rows into {@code grad}. Every label must lie in
     * [0, cols): the C code indexes with it unchecked, so this checks them first.
     */
    public static float softmaxCrossEntropy(int cols, float[] logits, int[] labels, float[] grad) {
        if (cols < 1) {
            throw new IllegalArgumentException("cols must be >= 1, was " + cols);
        }
        java.util.Objects.requireNonNull(labels, "labels");
        long elements = (long) labels.length * cols;
        NativeBounds.holds("logits", logits, elements);
        NativeBounds.holds("grad", grad, elements);
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= cols) {
                throw new IndexOutOfBoundsException("labels[" + r + "] must be in [0, " + cols + "), was " + labels[r]);
            }
        }
        require("CReference.softmaxCrossEntropy");
        try {
            return (float) SOFTMAX_CROSS_ENTROPY.invokeExact((long) labels.length, (long) cols,
                    MemorySegment.ofArray(logits), MemorySegment.ofArray(labels), MemorySegment.ofArray(grad));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code lwref_adam}: one step of PyTorch's Adam without weight decay or amsgrad, updating {@code param},
     * {@code m} and {@code v} in place; {@code step} counts from 1.
     */
    public static void adam(int n, float[] param, float[] grad, float[] m, float[] v, double lr, double beta1,
            double beta2, double eps, long step) {
        NativeBounds.length("n", n);
        NativeBounds.holds("param", param, n);
        NativeBounds.holds("grad", grad, n);
        NativeBounds.holds("m", m, n);
        NativeBounds.holds("v", v, n);
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, was " + step);
        }
        require("CReference.adam");
        try {
            ADAM.invokeExact((long) n, MemorySegment.ofArray(param), MemorySegment.ofArray(grad),
                    MemorySegment.ofArray(m), MemorySegment.ofArray(v), lr, beta1, beta2, eps, step);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The library the bench command built and named in the system property, else one built here. */
    private static PeerLibrary locate() {
        String given = System.getProperty(Peer.C_REFERENCE.property());
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given);
            return Files.isRegularFile(path)
                    ? PeerLibrary.found(Peer.C_REFERENCE, path, path + " (given by -D" + Peer.C_REFERENCE.property() + ")")
                    : PeerLibrary.missing(Peer.C_REFERENCE, "the C reference library " + path + " (given by -D"
                            + Peer.C_REFERENCE.property() + ") does not exist");
        }
        return CReferenceBuild.build();
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
    private record Loaded(PeerLibrary library, MethodHandle dot, MethodHandle axpy, MethodHandle sigmoid,
            MethodHandle softmaxCrossEntropy, MethodHandle adam) {

        static Loaded of(PeerLibrary located) {
            if (!located.available()) {
                return new Loaded(located, null, null, null, null, null);
            }
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup lookup = SymbolLookup.libraryLookup(located.path(), Arena.global());
                // Heap arrays go straight to the native code; the kernels never call back into Java.
                Linker.Option heap = Linker.Option.critical(true);
                MethodHandle dot = linker.downcallHandle(lookup.findOrThrow("lwref_dot"),
                        FunctionDescriptor.of(JAVA_FLOAT, JAVA_LONG, ADDRESS, ADDRESS), heap);
                MethodHandle axpy = linker.downcallHandle(lookup.findOrThrow("lwref_axpy"),
                        FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_FLOAT, ADDRESS, ADDRESS), heap);
                MethodHandle sigmoid = linker.downcallHandle(lookup.findOrThrow("lwref_sigmoid"),
                        FunctionDescriptor.ofVoid(JAVA_LONG, ADDRESS, ADDRESS), heap);
                MethodHandle softmax = linker.downcallHandle(lookup.findOrThrow("lwref_softmax_cross_entropy"),
                        FunctionDescriptor.of(JAVA_FLOAT, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS), heap);
                MethodHandle adam = linker.downcallHandle(lookup.findOrThrow("lwref_adam"),
                        FunctionDescriptor.ofVoid(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_DOUBLE,
                                JAVA_DOUBLE, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_LONG), heap);
                return new Loaded(located, dot, axpy, sigmoid, softmax, adam);
            } catch (Throwable t) {
                // Not a shared library, an older build without a kernel, native access denied to this module.
                return new Loaded(PeerLibrary.missing(Peer.C_REFERENCE, "the C reference library " + located.path()
                        + " could not be loaded: " + t), null, null, null, null, null);
            }
        }
    }
}
