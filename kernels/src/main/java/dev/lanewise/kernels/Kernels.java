package dev.lanewise.kernels;

import dev.lanewise.kernels.internal.KernelSet;
import dev.lanewise.kernels.internal.WidthClassLoader;
import dev.lanewise.kernels.internal.scalar.ScalarKernelProvider;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, once, which kernels the facades use, and hands out any implementation by name.
 *
 * <p>The vector path is chosen where the {@code jdk.incubator.vector} module is in the boot layer, C2 is
 * on (the Vector API is only fast once C2 compiles it) and the preferred species is at least 128 bits;
 * otherwise the scalar path, which needs nothing. Classes that touch the Vector API are loaded
 * reflectively, after the module check, so the library loads and works without
 * {@code --add-modules jdk.incubator.vector}.
 *
 * <p>System properties: {@value #IMPLEMENTATION_PROPERTY} = {@code auto} (default), {@code scalar} or
 * {@code vector}; {@value #BITS_PROPERTY} = 128, 256 or 512 forces the vector width (a width above the
 * hardware's runs emulated: correct, but slow).
 */
public final class Kernels {
    /** Forces {@code scalar} or {@code vector}; {@code auto} lets the checks decide. */
    public static final String IMPLEMENTATION_PROPERTY = "lanewise.kernels";
    /** Forces the vector width: 128, 256 or 512. */
    public static final String BITS_PROPERTY = "lanewise.vector.bits";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_PROVIDER = "dev.lanewise.kernels.internal.vector.VectorKernelProvider";
    private static final Map<Integer, KernelProvider> VECTOR_BY_BITS = new ConcurrentHashMap<>();

    private Kernels() {}

    private static final class Scalar {
        static final KernelProvider PROVIDER = new KernelProvider(ScalarKernelProvider.INSTANCE);
    }

    /** Lazily made on first use, so that merely loading {@code Kernels} decides nothing and logs nothing. */
    private static final class Chosen {
        static final KernelChoice CHOICE = choose();

        static {
            System.getLogger("dev.lanewise.kernels").log(System.Logger.Level.INFO, CHOICE.describe());
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

    /** The scalar reference kernels. */
    public static KernelProvider scalar() {
        return Scalar.PROVIDER;
    }

    /** Whether the JVM was started with the Vector API module. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The vector kernels at {@code bits} (128, 256 or 512), one instance per width. */
    public static KernelProvider vector(int bits) {
        if (bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("bits must be 128, 256 or 512, was " + bits);
        }
        if (!vectorModulePresent()) {
            throw new UnsupportedOperationException(
                    "the vector kernels need the JVM flag --add-modules " + VECTOR_MODULE);
        }
        return VECTOR_BY_BITS.computeIfAbsent(bits, b -> {
            KernelProvider production = productionVector();
            if (production.vectorBitSize() == b) {
                return production;
            }
            // Another width: its own copy of the vector classes, so its species is a constant too.
            return new KernelProvider((KernelSet) callVectorProvider(new WidthClassLoader(b, Kernels.class.getClassLoader()), "create"));
        });
    }

    /** The vector kernels loaded the ordinary way, at the production width. */
    private static KernelProvider productionVector() {
        return new KernelProvider((KernelSet) callVectorProvider(Kernels.class.getClassLoader(), "create"));
    }

    /** The width forced by {@value #BITS_PROPERTY}, if it is set. */
    public static OptionalInt forcedVectorBits() {
        String value = System.getProperty(BITS_PROPERTY);
        return value == null ? OptionalInt.empty() : OptionalInt.of(parseBits(value));
    }

    /** The width the JVM prefers for floats, if the Vector API module is present. */
    public static OptionalInt preferredVectorBits() {
        return vectorModulePresent()
                ? OptionalInt.of((Integer) callVectorProvider(Kernels.class.getClassLoader(), "preferredBitSize"))
                : OptionalInt.empty();
    }

    /** Every implementation this JVM can run: scalar, then vector at 128, 256 and 512 bits where possible. */
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
        if (!vectorModulePresent()) {
            if (force) {
                throw new IllegalStateException("-D" + IMPLEMENTATION_PROPERTY + "=vector, but the JVM was started "
                        + "without --add-modules " + VECTOR_MODULE);
            }
            return new KernelChoice(scalar(), "scalar because the JVM was started without --add-modules " + VECTOR_MODULE);
        }
        String noC2 = c2Missing();
        if (noC2 != null && !force) {
            return new KernelChoice(scalar(), "scalar because " + noC2 + ", and the Vector API is only fast once C2 compiles it");
        }
        int preferred = preferredVectorBits().orElseThrow();
        OptionalInt forcedBits = forcedVectorBits();
        if (forcedBits.isPresent()) {
            int bits = forcedBits.getAsInt();
            String emulated = bits > preferred ? " (wider than the hardware's " + preferred + " bits: emulated, slow)" : "";
            return new KernelChoice(vector(bits), "vector because -D" + BITS_PROPERTY + "=" + bits + emulated);
        }
        if (preferred < 128) {
            if (force) {
                return new KernelChoice(vector(128), "vector forced at 128 bits although the CPU prefers " + preferred);
            }
            return new KernelChoice(scalar(), "scalar because the preferred float species is only " + preferred + " bits");
        }
        return new KernelChoice(vector(preferred), (force ? "vector forced" : "vector because the Vector API module is present, C2 is on")
                + " and the CPU's preferred float species is " + preferred + " bits");
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

    /** Why C2 is unavailable, or null if it is on. */
    private static String c2Missing() {
        String info = System.getProperty("java.vm.info", "");
        if (info.contains("interpreted mode")) {
            return "the JVM runs interpreted (-Xint)";
        }
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:TieredStopAtLevel=") && !arg.endsWith("=4")) {
                return "C2 is off (" + arg + ")";
            }
        }
        return null;
    }

    private static Object callVectorProvider(ClassLoader loader, String method) {
        try {
            Class<?> provider = Class.forName(VECTOR_PROVIDER, true, loader);
            return provider.getMethod(method).invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the vector kernels", e);
        }
    }
}
