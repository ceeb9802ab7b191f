package dev.lanewise.harness.bench;

import dev.lanewise.kernels.activation.Activations;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.OptimizerSegmentKernels;
import dev.lanewise.kernels.optim.Optimizers;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code MemorySegment} overloads against the array forms, on the production kernels: the same data as
 * {@code float[]}s ({@code xxxArray}), as heap segments over those arrays ({@code xxxHeapSegment}: the array
 * kernel runs in place, so only the checks and the dispatch differ) and as native segments
 * ({@code xxxNativeSegment}: dot and axpy on the segment kernels, {@code FloatVector.fromMemorySegment}; sigmoid
 * and Adam staged through 2,048-float buffers into the array kernels). Each method runs in its own fork, so
 * their profiles never mix. Adam runs through the checked kernels ({@link Optimizers#kernels()} and
 * {@link Optimizers#segmentKernels()}), without the facade's scan of the gradient, as
 * {@code OptimizerBenchmark.adamVector} does.
 *
 * <p>Work per element, counting each float read or written once: dot 2 flops, 8 bytes; axpy 2 flops, 12
 * bytes; sigmoid 8 bytes; Adam 28 bytes (param, grad, m, v read; param, m, v written). Staging adds copies
 * that stay in L1/L2 and are not counted.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class SegmentBenchmark extends KernelPathGuard {
    private static final OptimizerKernels ARRAY_OPTIMIZERS = Optimizers.kernels();
    private static final OptimizerSegmentKernels SEGMENT_OPTIMIZERS = Optimizers.segmentKernels();
    // A small learning rate, so that parameters stay bounded however many invocations run on one gradient.
    private static final AdamConfig ADAM = AdamConfig.adam().withLr(1e-7);

    @Param({"4096", "1048576"})
    public int size;

    private float[] x;
    private float[] y;
    private float[] out;
    private float[] m;
    private float[] v;
    private MemorySegment xHeap;
    private MemorySegment yHeap;
    private MemorySegment outHeap;
    private MemorySegment mHeap;
    private MemorySegment vHeap;
    private Arena arena;
    private MemorySegment xNative;
    private MemorySegment yNative;
    private MemorySegment outNative;
    private MemorySegment mNative;
    private MemorySegment vNative;
    private float alpha;
    private long step;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        x = new float[size];
        y = new float[size];
        out = new float[size];
        m = new float[size];
        v = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
            y[i] = (float) random.nextDouble(-1, 1);
            m[i] = (float) random.nextDouble(0, 1e-2);
            v[i] = (float) random.nextDouble(0, 1e-2);
        }
        // Heap segments over their own copies, so that array and segment runs never share writes.
        xHeap = MemorySegment.ofArray(x.clone());
        yHeap = MemorySegment.ofArray(y.clone());
        outHeap = MemorySegment.ofArray(new float[size]);
        mHeap = MemorySegment.ofArray(m.clone());
        vHeap = MemorySegment.ofArray(v.clone());
        // Trial-level state of a thread-scoped object is set up and torn down on the benchmark's own thread,
        // so a confined arena works, and confined is what a single-threaded trainer would use.
        arena = Arena.ofConfined();
        xNative = nativeCopy(x);
        yNative = nativeCopy(y);
        outNative = arena.allocate((long) size * Float.BYTES, 64);
        mNative = nativeCopy(m);
        vNative = nativeCopy(v);
        alpha = 1e-7f;
        step = 0;
    }

    private MemorySegment nativeCopy(float[] data) {
        MemorySegment s = arena.allocate((long) data.length * Float.BYTES, 64);
        MemorySegment.copy(data, 0, s, ValueLayout.JAVA_FLOAT, 0, data.length);
        return s;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    public static Work work(String method, Map<String, String> params) {
        double n = Double.parseDouble(params.get("size"));
        if (method.startsWith("dot")) {
            return new Work(n, 2 * n, 8 * n);
        }
        if (method.startsWith("axpy")) {
            return new Work(n, 2 * n, 12 * n);
        }
        if (method.startsWith("sigmoid")) {
            return new Work(n, 0, 8 * n);
        }
        return new Work(n, 0, 28 * n);
    }

    @Benchmark
    public float dotArray() {
        return Blas.dot(x, y);
    }

    @Benchmark
    public float dotHeapSegment() {
        return Blas.dot(size, xHeap, 0, yHeap, 0);
    }

    @Benchmark
    public float dotNativeSegment() {
        return Blas.dot(size, xNative, 0, yNative, 0);
    }

    @Benchmark
    public float[] axpyArray() {
        Blas.axpy(alpha, x, y);
        return y;
    }

    @Benchmark
    public MemorySegment axpyHeapSegment() {
        Blas.axpy(size, alpha, xHeap, 0, yHeap, 0);
        return yHeap;
    }

    @Benchmark
    public MemorySegment axpyNativeSegment() {
        Blas.axpy(size, alpha, xNative, 0, yNative, 0);
        return yNative;
    }

    @Benchmark
    public float[] sigmoidArray() {
        Activations.sigmoid(x, out);
        return out;
    }

    @Benchmark
    public MemorySegment sigmoidHeapSegment() {
        Activations.sigmoid(size, xHeap, 0, outHeap, 0);
        return outHeap;
    }

    @Benchmark
    public MemorySegment sigmoidNativeSegment() {
        Activations.sigmoid(size, xNative, 0, outNative, 0);
        return outNative;
    }

    @Benchmark
    public float[] adamArray() {
        ARRAY_OPTIMIZERS.adam(size, x, 0, y, 0, m, 0, v, 0, null, 0, ADAM, ++step);
        return x;
    }

    @Benchmark
    public MemorySegment adamHeapSegment() {
        SEGMENT_OPTIMIZERS.adam(size, xHeap, 0, yHeap, 0, mHeap, 0, vHeap, 0, null, 0, ADAM, ++step);
        return xHeap;
    }

    @Benchmark
    public MemorySegment adamNativeSegment() {
        SEGMENT_OPTIMIZERS.adam(size, xNative, 0, yNative, 0, mNative, 0, vNative, 0, null, 0, ADAM, ++step);
        return xNative;
    }
}
