package dev.lanewise.kernels.internal;

import static dev.lanewise.kernels.Kernels.ALLOW_UNTESTED_JDK_PROPERTY;
import static dev.lanewise.kernels.Kernels.NEWEST_TESTED_JDK;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Why this JVM should not take the vector path even though the Vector API module is present, checked before
 * any class that touches {@code jdk.incubator.vector} is loaded. Each check is a function of what it is given,
 * so that a test can hand it another JVM's answers; {@link #refusal()} gives it this JVM's.
 */
public final class VectorPreconditions {
    /**
     * Test hook, not for production: the JDK feature version to check instead of this JVM's, so that a test on
     * the newest tested JDK can see the refusal of a newer one.
     */
    public static final String TEST_JDK_FEATURE_PROPERTY = "lanewise.test.jdkFeatureVersion";

    private VectorPreconditions() {}

    /** The first reason to refuse the vector path on this JVM, or empty where nothing speaks against it. */
    public static Optional<String> refusal() {
        return untestedJdk(jdkFeatureVersion(), Boolean.getBoolean(ALLOW_UNTESTED_JDK_PROPERTY))
                .or(() -> notIntrinsified(System.getProperty("java.vm.name", ""), HotSpotFlags::get))
                .or(() -> c2Missing(System.getProperty("java.vm.info", ""),
                        ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    /** Why a JDK of feature version {@code feature} is refused, unless {@code allowed}. */
    public static Optional<String> untestedJdk(int feature, boolean allowed) {
        if (feature <= NEWEST_TESTED_JDK || allowed) {
            return Optional.empty();
        }
        return Optional.of("JDK " + feature + " is newer than JDK " + NEWEST_TESTED_JDK
                + ", the newest the vector kernels were tested on, and the incubating Vector API may have changed"
                + " (-D" + ALLOW_UNTESTED_JDK_PROPERTY + "=true allows it)");
    }

    /**
     * Why the Vector API would not be intrinsified on a VM named {@code vmName} whose flags {@code flags} reads
     * (empty where a flag cannot be read). Only HotSpot's C2 turns the API into SIMD instructions; elsewhere,
     * or with its vector intrinsics off, every operation runs as boxed Java code, far slower than scalar.
     */
    public static Optional<String> notIntrinsified(String vmName, Function<String, Optional<String>> flags) {
        // Every HotSpot build names itself "Java HotSpot(TM) ..." or "OpenJDK ... VM"; OpenJ9 and others do not.
        if (!vmName.contains("HotSpot") && !vmName.startsWith("OpenJDK")) {
            return Optional.of("the VM (" + vmName + ") is not HotSpot, whose C2 is what intrinsifies the Vector API");
        }
        // An experimental flag, readable only when unlocked; unreadable means it was left at its default, which
        // is on wherever jdk.incubator.vector is resolved.
        if (flags.apply("EnableVectorSupport").map("false"::equals).orElse(false)) {
            return Optional.of("the Vector API is not intrinsified (EnableVectorSupport=false)");
        }
        // x86 only (elsewhere the flag does not exist): with SSE alone C2 leaves part of the API unintrinsified.
        // Measured on Zen 5 at -XX:UseAVX=0: dot and axpy ran vectorized, but sigmoid, softmax cross-entropy and
        // Adam (division, square root) ran at 0.00-0.01 Gelem/s, 40-400x slower than the scalar path.
        if (flags.apply("UseAVX").map("0"::equals).orElse(false)) {
            return Optional.of("the JVM runs without AVX (UseAVX=0), where C2 does not intrinsify all the Vector API"
                    + " operations the kernels use (measured 40-400x slower than scalar)");
        }
        // Lucene refuses a JVMCI compiler (Graal) in C2's place too; these kernels were tuned and measured on C2.
        if (flags.apply("UseJVMCICompiler").map("true"::equals).orElse(false)) {
            return Optional.of("the JIT is a JVMCI compiler (UseJVMCICompiler=true), not C2");
        }
        return Optional.empty();
    }

    /** Why C2 is unavailable, from {@code java.vm.info} and the JVM's input arguments. */
    public static Optional<String> c2Missing(String vmInfo, List<String> jvmArguments) {
        if (vmInfo.contains("interpreted mode")) {
            return Optional.of("the JVM runs interpreted (-Xint), and the Vector API is only fast once C2 compiles it");
        }
        for (String arg : jvmArguments) {
            if (arg.startsWith("-XX:TieredStopAtLevel=") && !arg.endsWith("=4")) {
                return Optional.of("C2 is off (" + arg + "), and the Vector API is only fast once C2 compiles it");
            }
        }
        return Optional.empty();
    }

    private static int jdkFeatureVersion() {
        String pretend = System.getProperty(TEST_JDK_FEATURE_PROPERTY);
        if (pretend == null) {
            return Runtime.version().feature();
        }
        try {
            return Integer.parseInt(pretend.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TEST_JDK_FEATURE_PROPERTY + " must be an integer, was " + pretend, e);
        }
    }
}
