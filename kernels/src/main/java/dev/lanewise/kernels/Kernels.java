package dev.lanewise.kernels;

import dev.lanewise.kernels.internal.KernelSet;
import dev.lanewise.kernels.internal.VectorPreconditions;
import dev.lanewise.kernels.internal.VectorProviderLoader;
import dev.lanewise.kernels.internal.WarmUpRun;
import dev.lanewise.kernels.internal.WidthClassLoader;
import dev.lanewise.kernels.internal.scalar.ScalarKernelProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides, once, which kernels the facades use, and hands out any implementation by name.
 *
 * <p>The vector path is chosen where the {@code jdk.incubator.vector} module is in the boot layer, the JDK is
 * no newer than {@link #NEWEST_TESTED_JDK}, the VM is HotSpot with its Vector API intrinsics and C2 on, the
 * preferred species is at least 128 bits, and the vector classes load and initialize; otherwise the scalar
 * path, which needs nothing. One log line says which path, and why. Classes that touch the Vector API are
 * loaded reflectively, after these checks, and any {@link LinkageError}, {@link ExceptionInInitializerError}
 * or other failure short of a {@link VirtualMachineError} while loading them falls back to scalar with the
 * failure as the reason (as Apache Lucene's vectorization provider does).
 *
 * <p>System properties: {@value #IMPLEMENTATION_PROPERTY} = {@code auto} (default), {@code scalar} or
 * {@code vector} ({@code vector} skips the checks above, and throws where the vector classes cannot load);
 * {@value #BITS_PROPERTY} = 128, 256 or 512 forces the vector width (a width above the hardware's runs
 * emulated: correct, but slow); {@value #ALLOW_UNTESTED_JDK_PROPERTY} = {@code true} lets a newer JDK take the
 * vector path. Test hooks, not for production: {@code lanewise.test.vectorProvider} names a class to load in
 * place of the vector provider, {@code lanewise.test.jdkFeatureVersion} pretends another JDK feature version.
 */
public final class Kernels {
    /** Forces {@code scalar} or {@code vector}; {@code auto} lets the checks decide. */
    public static final String IMPLEMENTATION_PROPERTY = "lanewise.kernels";
    /** Forces the vector width: 128, 256 or 512. */
    public static final String BITS_PROPERTY = "lanewise.vector.bits";
    /** {@code true} lets a JDK newer than {@link #NEWEST_TESTED_JDK} take the vector path. */
    public static final String ALLOW_UNTESTED_JDK_PROPERTY = "lanewise.vector.allowUntestedJdk";

    /**
     * What trainers do about the kernels' warm-up at their first fit ({@link WarmUpMode}): {@code off} (the
     * default), {@code background} or {@code blocking}. Calls of {@link #warmUp()} and
     * {@link #warmUpInBackground()} run it whatever this says.
     */
    public static final String WARM_UP_PROPERTY = "lanewise.warmUp";

    /**
     * The newest JDK feature release the vector kernels were tested on. {@code jdk.incubator.vector} is an
     * incubating API: a later release may change its classes or its intrinsics, which shows up as a
     * {@link LinkageError} (caught, and the scalar path taken) or, worse, as code that links but runs
     * unintrinsified, far slower than scalar. Raise it once the whole suite passed on the new release.
     */
    public static final int NEWEST_TESTED_JDK = 25;

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Map<Integer, KernelProvider> VECTOR_BY_BITS = new ConcurrentHashMap<>();

    private Kernels() {}

    /** The one warm-up of this JVM, once started; its future completes with the report. */
    private static final AtomicReference<CompletableFuture<WarmUpReport>> WARM_UP = new AtomicReference<>();

    private static final class Scalar {
        static final KernelProvider PROVIDER = new KernelProvider(ScalarKernelProvider.INSTANCE);
    }

    /** Lazily made on first use, so that merely loading {@code Kernels} decides nothing and logs nothing. */
    private static final class Chosen {
        static final KernelChoice CHOICE = choose();

        static {
            // A warning where the JVM was set up for the vector path but did not get it.
            boolean refused = CHOICE.provider().vectorBitSize() == 0 && vectorModulePresent()
                    && !CHOICE.reason().startsWith("forced");
            System.getLogger("dev.lanewise.kernels")
                    .log(refused ? System.Logger.Level.WARNING : System.Logger.Level.INFO, CHOICE.describe());
        }
    }

    /**
     * The vector kernels at the production width and the width this JVM prefers, loaded once; or, in
     * {@link #FAILURE}, why they could not be. Touched only once the module was found.
     */
    private static final class ProductionVector {
        static final KernelProvider PROVIDER;
        static final int PREFERRED_BITS;
        static final UnsupportedOperationException FAILURE;

        static {
            KernelProvider provider = null;
            int preferred = 0;
            UnsupportedOperationException failure = null;
            try {
                ClassLoader loader = Kernels.class.getClassLoader();
                preferred = VectorProviderLoader.preferredBitSize(loader);
                provider = new KernelProvider(VectorProviderLoader.create(loader));
            } catch (UnsupportedOperationException e) {
                failure = e;
            }
            PROVIDER = provider;
            PREFERRED_BITS = preferred;
            FAILURE = failure;
        }

        static KernelProvider provider() {
            throwIfFailed();
            return PROVIDER;
        }

        static int preferredBits() {
            throwIfFailed();
            return PREFERRED_BITS;
        }

        private static void throwIfFailed() {
            if (FAILURE != null) {
                throw new UnsupportedOperationException(FAILURE.getMessage(), FAILURE.getCause());
            }
        }
    }

    /** The kernels every facade uses. */
    public static KernelProvider provider() {
        return Chosen.CHOICE.provider();
    }

    /** The choice with its reason, for reports and the command line. */
    public static KernelChoice choice() {
        return Chosen.CHOICE;
    }

    /**
     * Whether the vector kernels start their loops on a cache line, and if not why: they do where the JVM grants
     * this module native access ({@code --enable-native-access}), which lets them learn an array's address.
     */
    public static String loopAlignment() {
        return dev.lanewise.kernels.internal.ArrayAlignment.describe();
    }

    /** The scalar reference kernels. */
    public static KernelProvider scalar() {
        return Scalar.PROVIDER;
    }

    /** Whether the JVM was started with the Vector API module. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * The vector kernels at {@code bits} (128, 256 or 512), one instance per width.
     *
     * @throws UnsupportedOperationException without the Vector API module, or where the vector classes fail to
     *                                       load (the message says why)
     */
    public static KernelProvider vector(int bits) {
        if (bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("bits must be 128, 256 or 512, was " + bits);
        }
        if (!vectorModulePresent()) {
            throw new UnsupportedOperationException(
                    "the vector kernels need the JVM flag --add-modules " + VECTOR_MODULE);
        }
        return VECTOR_BY_BITS.computeIfAbsent(bits, b -> {
            KernelProvider production = ProductionVector.provider();
            if (production.vectorBitSize() == b) {
                return production;
            }
            // Another width: its own copy of the vector classes, so its species is a constant too.
            WidthClassLoader copy = new WidthClassLoader(b, Kernels.class.getClassLoader());
            return new KernelProvider(VectorProviderLoader.create(copy));
        });
    }

    /**
     * Runs the kernels a dense network's training uses (matrix products in a dense layer's three forms, bias
     * rows and column sums, ReLU, softmax cross-entropy, the L2 penalty, Adam, norms; see
     * {@code WarmUpWorkload}) on small arrays of their own until the JIT has compiled them, so that a short
     * training run starts at compiled speed. Vector API code runs boxed, often a hundred times slower than
     * scalar code, until C2 compiles it, which takes thousands of calls: a short fit in a fresh JVM can spend
     * most of its time there.
     *
     * <p>Once per JVM: the first call runs it on the calling thread (or waits for a run that
     * {@link #warmUpInBackground()} started) and every later call returns the same report at once. It works on
     * arrays of its own and changes no setting. It takes a few seconds on a small machine, never more than 10,
     * and never throws: a failure ends it with the reason in the report. Nothing runs on the scalar path, which
     * has no boxed code to compile away.
     *
     * <p>What it buys: the first training step runs compiled code, so a timing of it is a timing of compiled
     * code, and a fit gives the bits it gives in a warm JVM. (Softmax and binary cross-entropy take {@code exp}
     * and {@code log1p} from the Vector API, whose results differ between the interpreter and C2; a cold fit
     * without a warm-up gets a mix that depends on when C2 compiled them.) What it does not buy on a machine
     * of two cores: a shorter cold fit. The compilations it waits for are those the first steps would wait
     * for, and there the compiler threads are the bottleneck.
     *
     * @return what the warm-up did
     */
    public static WarmUpReport warmUp() {
        return startWarmUp(false).join();
    }

    /**
     * Starts {@link #warmUp()} on a daemon thread, unless it was started before, and returns at once: call it
     * as early as possible (before loading the data, for example) so that the JIT compiles the kernels while
     * the program does other work. A later {@link #warmUp()} waits for this run.
     *
     * @return completes with the report when the warm-up is done
     */
    public static CompletableFuture<WarmUpReport> warmUpInBackground() {
        return startWarmUp(true);
    }

    /** Whether a warm-up was started in this JVM (it may still be running). */
    public static boolean warmUpStarted() {
        return WARM_UP.get() != null;
    }

    /** What trainers do about the warm-up, from {@value #WARM_UP_PROPERTY} (default {@code off}). */
    public static WarmUpMode warmUpMode() {
        return WarmUpMode.parse(System.getProperty(WARM_UP_PROPERTY, "off"));
    }

    private static CompletableFuture<WarmUpReport> startWarmUp(boolean background) {
        CompletableFuture<WarmUpReport> existing = WARM_UP.get();
        if (existing != null) {
            return existing;
        }
        CompletableFuture<WarmUpReport> mine = new CompletableFuture<>();
        existing = WARM_UP.compareAndExchange(null, mine);
        if (existing != null) {
            return existing;
        }
        Runnable body = () -> mine.complete(runWarmUp());
        if (background) {
            Thread.ofPlatform().name("lanewise-kernel-warm-up").daemon().priority(Thread.MIN_PRIORITY).start(body);
        } else {
            body.run();
        }
        return mine;
    }

    private static WarmUpReport runWarmUp() {
        long start = System.nanoTime();
        try {
            KernelProvider kernels = provider();
            if (kernels.vectorBitSize() == 0) {
                return new WarmUpReport(kernels.name(), 0, (System.nanoTime() - start) / 1e9,
                        "skipped: the scalar kernels have no boxed vector code to compile away");
            }
            return WarmUpRun.run(kernels);
        } catch (RuntimeException | LinkageError e) {
            // A warm-up is an optimization: its failure must never fail the program that asked for it.
            return new WarmUpReport("none", 0, (System.nanoTime() - start) / 1e9, "failed: " + e);
        }
    }

    /** The width forced by {@value #BITS_PROPERTY}, if it is set. */
    public static OptionalInt forcedVectorBits() {
        String value = System.getProperty(BITS_PROPERTY);
        return value == null ? OptionalInt.empty() : OptionalInt.of(parseBits(value));
    }

    /** The width the JVM prefers for floats, if the Vector API module is present and the vector classes load. */
    public static OptionalInt preferredVectorBits() {
        return vectorModulePresent() && ProductionVector.FAILURE == null
                ? OptionalInt.of(ProductionVector.PREFERRED_BITS)
                : OptionalInt.empty();
    }

    /**
     * Every implementation this JVM can run: scalar, then vector at 128, 256 and 512 bits where the module is
     * present.
     *
     * @throws UnsupportedOperationException where the module is present but the vector classes fail to load:
     *                                       a caller enumerating implementations (a test) must not silently
     *                                       lose the vector ones
     */
    public static List<KernelProvider> all() {
        List<KernelProvider> all = new ArrayList<>(List.of(scalar()));
        if (vectorModulePresent()) {
            for (int bits : new int[] {128, 256, 512}) {
                all.add(vector(bits));
            }
        }
        return all;
    }

    /** Any implementation by its {@link KernelProvider#name()}: {@code scalar}, {@code vector128}, ... */
    public static KernelProvider named(String name) {
        if (name.equals("scalar")) {
            return scalar();
        }
        if (name.startsWith("vector")) {
            try {
                return vector(Integer.parseInt(name.substring("vector".length())));
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("kernel implementation must be scalar, vector128, vector256 or vector512, was " + name);
    }

    private static KernelChoice choose() {
        String forced = System.getProperty(IMPLEMENTATION_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "scalar":
                return new KernelChoice(scalar(), "forced by -D" + IMPLEMENTATION_PROPERTY + "=scalar");
            case "vector":
            case "auto":
                break;
            default:
                throw new IllegalArgumentException(
                        IMPLEMENTATION_PROPERTY + " must be auto, scalar or vector, was " + forced);
        }
        boolean force = forced.equals("vector");
        // A malformed width is the caller's mistake: refuse it here, not as a load failure below.
        OptionalInt forcedBits = forcedVectorBits();
        if (!vectorModulePresent()) {
            if (force) {
                throw new IllegalStateException("-D" + IMPLEMENTATION_PROPERTY + "=vector, but the JVM was started "
                        + "without --add-modules " + VECTOR_MODULE);
            }
            return new KernelChoice(scalar(), "scalar because the JVM was started without --add-modules " + VECTOR_MODULE);
        }
        Optional<String> refusal = VectorPreconditions.refusal();
        if (refusal.isPresent() && !force) {
            return new KernelChoice(scalar(), "scalar because " + refusal.get());
        }
        try {
            return chooseWidth(force, forcedBits, refusal.map(r -> " although " + r).orElse(""));
        } catch (UnsupportedOperationException e) {
            // The vector classes failed to load or initialize; the message says how.
            if (force) {
                throw new IllegalStateException("-D" + IMPLEMENTATION_PROPERTY + "=vector, but " + e.getMessage(), e);
            }
            return new KernelChoice(scalar(), "scalar because " + e.getMessage());
        }
    }

    /** The vector width to run, once the module was found; {@code overridden} names a check that was skipped. */
    private static KernelChoice chooseWidth(boolean force, OptionalInt forcedBits, String overridden) {
        int preferred = ProductionVector.preferredBits();
        if (forcedBits.isPresent()) {
            int bits = forcedBits.getAsInt();
            String emulated = bits > preferred ? " (wider than the hardware's " + preferred + " bits: emulated, slow)" : "";
            return new KernelChoice(vector(bits), "vector because -D" + BITS_PROPERTY + "=" + bits + emulated + overridden);
        }
        if (preferred < 128) {
            if (force) {
                return new KernelChoice(vector(128), "vector forced at 128 bits although the CPU prefers " + preferred);
            }
            return new KernelChoice(scalar(), "scalar because the preferred float species is only " + preferred + " bits");
        }
        String why = force ? "vector forced" + overridden + ";"
                : "vector because the Vector API module is present and intrinsified by C2 on a tested JDK,";
        return new KernelChoice(vector(preferred), why + " and the CPU's preferred float species is " + preferred + " bits");
    }

    private static int parseBits(String value) {
        try {
            int bits = Integer.parseInt(value.trim());
            if (bits == 128 || bits == 256 || bits == 512) {
                return bits;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(BITS_PROPERTY + " must be 128, 256 or 512, was " + value);
    }
}
