package dev.lanewise.harness.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
 * The machine's limits, measured in the same run as the kernels so that a report can place each kernel under
 * its roofline ({@link Roofline}): the FMA peak of one core and the STREAM triad's bandwidth.
 *
 * <p>{@code fmaPeak}: 12 independent chains of vector FMAs and nothing else, at a fixed vector width
 * ({@code bits} = 128, 256 or 512). Work: {@code 2 * lanes * 12 * 1024} flops, no bytes. The width is a fixed
 * species per parameter rather than the preferred species because the report computes the flops in its own JVM,
 * whose preferred species differs from the fork's at the narrowed levels (vector128, vector256); a fixed species
 * makes the count exact everywhere. A width above the fork's vector size runs emulated and measures nothing
 * useful; {@link Roofline} takes the fastest width as the peak.
 *
 * <p>{@code triad}: STREAM's {@code a[i] = b[i] + s * c[i]} on one thread, at working sets (3 arrays) inside L1
 * (24 KiB), L2 (384 KiB) and L3 (6 MiB) of the cores we run on, and far beyond any one core's L3 (384 MiB): the
 * bandwidth roofs of each level. {@code triadAllThreads}: the same at the DRAM
 * size, split over one pool thread per available processor. Work: 2 flops and 12 bytes per element, counted as
 * STREAM counts them: b and c read, a written. On a write-allocate cache the line of {@code a} is also read
 * before it is written (16 bytes move; Java cannot emit the non-temporal stores that avoid it), so the figure is
 * the bandwidth a kernel of this read/write mix sees, not the bus's, and published STREAM figures compare with it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class MachineLimitsBenchmark {
    /**
     * Independent accumulators in {@code fmaPeak}. A core needs (FMA pipes x FMA latency) chains in flight to keep
     * its pipes full: 2 x 4 = 8 on Zen 4/5 and Sapphire Rapids, 2 x 5 = 10 on older cores; 12 leaves margin, and
     * 12 accumulators plus the 2 operands still fit in the 16 registers of AVX2, so nothing spills there.
     */
    static final int ACCUMULATORS = 12;
    /** Iterations of the FMA loop per invocation: long enough that the call and the final reduction vanish. */
    static final int FMA_ITERATIONS = 1024;

    /** The Vector API constants, in their own class so that {@link #work} runs without the incubator module. */
    private static final class Species {
        static final VectorSpecies<Float> S128 = FloatVector.SPECIES_128;
        static final VectorSpecies<Float> S256 = FloatVector.SPECIES_256;
        static final VectorSpecies<Float> S512 = FloatVector.SPECIES_512;
        static final VectorSpecies<Float> PREFERRED = FloatVector.SPECIES_PREFERRED;
    }

    /**
     * What one invocation does: {@code fmaPeak} flops only; the triads 2 flops and 12 bytes per element.
     *
     * @throws IllegalArgumentException for a method this class does not declare or a width other than 128, 256, 512
     */
    public static Work work(String method, Map<String, String> params) {
        return switch (method) {
            case "fmaPeak" -> new Work(0, fmaFlops(Integer.parseInt(params.get("bits"))), 0);
            case "triad", "triadAllThreads" -> {
                double n = Double.parseDouble(params.get("triadSize"));
                yield new Work(n, 2 * n, 12 * n);
            }
            default -> throw new IllegalArgumentException("method must be fmaPeak, triad or triadAllThreads, was " + method);
        };
    }

    /** Flops of one {@code fmaPeak} invocation at a vector width of {@code bits}. */
    static double fmaFlops(int bits) {
        if (bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("bits must be 128, 256 or 512, was " + bits);
        }
        return 2.0 * (bits / Float.SIZE) * ACCUMULATORS * FMA_ITERATIONS;
    }

    /** The FMA loop's operands, read from fields so that C2 cannot fold the chains. */
    @State(Scope.Thread)
    public static class FmaOperands {
        @Param({"128", "256", "512"})
        public int bits;

        /** acc = acc * factor + addend converges to addend / (1 - factor): never overflows, never subnormal. */
        float factor;
        float addend;
        float start;

        @Setup(Level.Trial)
        public void setUp() {
            fmaFlops(bits);
            factor = 0.999f;
            addend = 0.001f;
            start = 0.5f;
        }
    }

    /** One pass of STREAM's triad per invocation on this thread. */
    @State(Scope.Thread)
    public static class TriadArrays {
        /**
         * Floats per array (not {@code size}, so that {@code --param size=...} for the kernels leaves the limits
         * alone); the working set is 12 bytes times this: 24 KiB (L1), 384 KiB (L2), 6 MiB (L3),
         * 384 MiB (DRAM; above the 32 to 96 MiB of L3 one core reaches on the machines we use).
         */
        @Param({"2048", "32768", "524288", "33554432"})
        public int triadSize;

        float[] a;
        float[] b;
        float[] c;
        float scalar;

        @Setup(Level.Trial)
        public void setUp() {
            if (triadSize < 1) {
                throw new IllegalArgumentException("triadSize must be >= 1, was " + triadSize);
            }
            SplittableRandom random = new SplittableRandom(42);
            a = new float[triadSize];
            b = new float[triadSize];
            c = new float[triadSize];
            for (int i = 0; i < triadSize; i++) {
                b[i] = (float) random.nextDouble(-1, 1);
                c[i] = (float) random.nextDouble(-1, 1);
            }
            // a is only written, so its values stay the same however many passes run.
            scalar = 3f;
        }
    }

    /**
     * The triad split over one pool thread per available processor. A pool made once (its idle workers park in
     * the queue, none spins) rather than JMH threads: one invocation is then the whole array, so the time JMH
     * reports is the wall time of the machine's bandwidth, as STREAM's OpenMP loop measures it.
     */
    @State(Scope.Thread)
    public static class AllThreadsTriad {
        @Param({"33554432"})
        public int triadSize;

        final TriadArrays arrays = new TriadArrays();
        ExecutorService pool;
        List<Callable<Void>> slices;

        @Setup(Level.Trial)
        public void setUp() {
            arrays.triadSize = triadSize;
            arrays.setUp();
            int threads = Runtime.getRuntime().availableProcessors();
            pool = Executors.newFixedThreadPool(threads, task -> {
                Thread worker = new Thread(task, "triad-worker");
                worker.setDaemon(true);
                return worker;
            });
            slices = slices(arrays, threads);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.shutdownNow();
        }
    }

    /**
     * Splits the arrays into {@code threads} contiguous slices, with boundaries on 16-float (64-byte) lines so
     * that no two threads write the same cache line.
     */
    static List<Callable<Void>> slices(TriadArrays t, int threads) {
        List<Callable<Void>> slices = new ArrayList<>();
        int perThread = ((t.triadSize + threads - 1) / threads + 15) / 16 * 16;
        for (int from = 0; from < t.triadSize; from += perThread) {
            int lo = from;
            int hi = Math.min(t.triadSize, from + perThread);
            slices.add(() -> {
                triadRange(t.a, t.b, t.c, t.scalar, lo, hi);
                return null;
            });
        }
        return slices;
    }

    @Benchmark
    public float fmaPeak(FmaOperands operands) {
        return switch (operands.bits) {
            case 128 -> fmaChains128(operands);
            case 256 -> fmaChains256(operands);
            default -> fmaChains512(operands);
        };
    }

    @Benchmark
    public float[] triad(TriadArrays t) {
        triadRange(t.a, t.b, t.c, t.scalar, 0, t.triadSize);
        return t.a;
    }

    @Benchmark
    public float[] triadAllThreads(AllThreadsTriad t) throws InterruptedException, ExecutionException {
        for (Future<Void> slice : t.pool.invokeAll(t.slices)) {
            slice.get();
        }
        return t.arrays.a;
    }

    /**
     * 12 independent FMA chains of {@link #FMA_ITERATIONS} steps at 128 bits. Each accumulator starts at a
     * different value so that C2 cannot merge identical chains. One copy per width, each naming its species'
     * {@code static final}: C2 compiles the loop on its own (on-stack replacement) long before it inlines it into
     * the benchmark, and a species passed in as an argument is no constant there, which leaves every vector boxed.
     */
    private static float fmaChains128(FmaOperands operands) {
        FloatVector factor = FloatVector.broadcast(Species.S128, operands.factor);
        FloatVector addend = FloatVector.broadcast(Species.S128, operands.addend);
        float s = operands.start;
        FloatVector a0 = FloatVector.broadcast(Species.S128, s);
        FloatVector a1 = FloatVector.broadcast(Species.S128, s + 1);
        FloatVector a2 = FloatVector.broadcast(Species.S128, s + 2);
        FloatVector a3 = FloatVector.broadcast(Species.S128, s + 3);
        FloatVector a4 = FloatVector.broadcast(Species.S128, s + 4);
        FloatVector a5 = FloatVector.broadcast(Species.S128, s + 5);
        FloatVector a6 = FloatVector.broadcast(Species.S128, s + 6);
        FloatVector a7 = FloatVector.broadcast(Species.S128, s + 7);
        FloatVector a8 = FloatVector.broadcast(Species.S128, s + 8);
        FloatVector a9 = FloatVector.broadcast(Species.S128, s + 9);
        FloatVector a10 = FloatVector.broadcast(Species.S128, s + 10);
        FloatVector a11 = FloatVector.broadcast(Species.S128, s + 11);
        for (int i = 0; i < FMA_ITERATIONS; i++) {
            a0 = a0.fma(factor, addend);
            a1 = a1.fma(factor, addend);
            a2 = a2.fma(factor, addend);
            a3 = a3.fma(factor, addend);
            a4 = a4.fma(factor, addend);
            a5 = a5.fma(factor, addend);
            a6 = a6.fma(factor, addend);
            a7 = a7.fma(factor, addend);
            a8 = a8.fma(factor, addend);
            a9 = a9.fma(factor, addend);
            a10 = a10.fma(factor, addend);
            a11 = a11.fma(factor, addend);
        }
        return a0.add(a1).add(a2.add(a3)).add(a4.add(a5).add(a6.add(a7))).add(a8.add(a9).add(a10.add(a11)))
                .reduceLanes(VectorOperators.ADD);
    }

    /** {@link #fmaChains128} at 256 bits. */
    private static float fmaChains256(FmaOperands operands) {
        FloatVector factor = FloatVector.broadcast(Species.S256, operands.factor);
        FloatVector addend = FloatVector.broadcast(Species.S256, operands.addend);
        float s = operands.start;
        FloatVector a0 = FloatVector.broadcast(Species.S256, s);
        FloatVector a1 = FloatVector.broadcast(Species.S256, s + 1);
        FloatVector a2 = FloatVector.broadcast(Species.S256, s + 2);
        FloatVector a3 = FloatVector.broadcast(Species.S256, s + 3);
        FloatVector a4 = FloatVector.broadcast(Species.S256, s + 4);
        FloatVector a5 = FloatVector.broadcast(Species.S256, s + 5);
        FloatVector a6 = FloatVector.broadcast(Species.S256, s + 6);
        FloatVector a7 = FloatVector.broadcast(Species.S256, s + 7);
        FloatVector a8 = FloatVector.broadcast(Species.S256, s + 8);
        FloatVector a9 = FloatVector.broadcast(Species.S256, s + 9);
        FloatVector a10 = FloatVector.broadcast(Species.S256, s + 10);
        FloatVector a11 = FloatVector.broadcast(Species.S256, s + 11);
        for (int i = 0; i < FMA_ITERATIONS; i++) {
            a0 = a0.fma(factor, addend);
            a1 = a1.fma(factor, addend);
            a2 = a2.fma(factor, addend);
            a3 = a3.fma(factor, addend);
            a4 = a4.fma(factor, addend);
            a5 = a5.fma(factor, addend);
            a6 = a6.fma(factor, addend);
            a7 = a7.fma(factor, addend);
            a8 = a8.fma(factor, addend);
            a9 = a9.fma(factor, addend);
            a10 = a10.fma(factor, addend);
            a11 = a11.fma(factor, addend);
        }
        return a0.add(a1).add(a2.add(a3)).add(a4.add(a5).add(a6.add(a7))).add(a8.add(a9).add(a10.add(a11)))
                .reduceLanes(VectorOperators.ADD);
    }

    /** {@link #fmaChains128} at 512 bits. */
    private static float fmaChains512(FmaOperands operands) {
        FloatVector factor = FloatVector.broadcast(Species.S512, operands.factor);
        FloatVector addend = FloatVector.broadcast(Species.S512, operands.addend);
        float s = operands.start;
        FloatVector a0 = FloatVector.broadcast(Species.S512, s);
        FloatVector a1 = FloatVector.broadcast(Species.S512, s + 1);
        FloatVector a2 = FloatVector.broadcast(Species.S512, s + 2);
        FloatVector a3 = FloatVector.broadcast(Species.S512, s + 3);
        FloatVector a4 = FloatVector.broadcast(Species.S512, s + 4);
        FloatVector a5 = FloatVector.broadcast(Species.S512, s + 5);
        FloatVector a6 = FloatVector.broadcast(Species.S512, s + 6);
        FloatVector a7 = FloatVector.broadcast(Species.S512, s + 7);
        FloatVector a8 = FloatVector.broadcast(Species.S512, s + 8);
        FloatVector a9 = FloatVector.broadcast(Species.S512, s + 9);
        FloatVector a10 = FloatVector.broadcast(Species.S512, s + 10);
        FloatVector a11 = FloatVector.broadcast(Species.S512, s + 11);
        for (int i = 0; i < FMA_ITERATIONS; i++) {
            a0 = a0.fma(factor, addend);
            a1 = a1.fma(factor, addend);
            a2 = a2.fma(factor, addend);
            a3 = a3.fma(factor, addend);
            a4 = a4.fma(factor, addend);
            a5 = a5.fma(factor, addend);
            a6 = a6.fma(factor, addend);
            a7 = a7.fma(factor, addend);
            a8 = a8.fma(factor, addend);
            a9 = a9.fma(factor, addend);
            a10 = a10.fma(factor, addend);
            a11 = a11.fma(factor, addend);
        }
        return a0.add(a1).add(a2.add(a3)).add(a4.add(a5).add(a6.add(a7))).add(a8.add(a9).add(a10.add(a11)))
                .reduceLanes(VectorOperators.ADD);
    }

    /** {@code a[i] = b[i] + s * c[i]} for i in [from, to), as one FMA per lane with a scalar tail. */
    static void triadRange(float[] a, float[] b, float[] c, float s, int from, int to) {
        VectorSpecies<Float> species = Species.PREFERRED;
        FloatVector sv = FloatVector.broadcast(species, s);
        int i = from;
        for (int bound = from + species.loopBound(to - from); i < bound; i += species.length()) {
            FloatVector cv = FloatVector.fromArray(species, c, i);
            cv.fma(sv, FloatVector.fromArray(species, b, i)).intoArray(a, i);
        }
        for (; i < to; i++) {
            a[i] = Math.fma(s, c[i], b[i]);
        }
    }
}
