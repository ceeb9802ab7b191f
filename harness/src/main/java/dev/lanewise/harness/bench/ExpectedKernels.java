package dev.lanewise.harness.bench;

import dev.lanewise.kernels.KernelChoice;
import dev.lanewise.kernels.Kernels;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernels a benchmark method must run on, from its name and its fork's flags, and the refusal when the fork
 * got others.
 *
 * <p>Methods whose name ends in one of {@link #PRODUCTION_SUFFIXES} measure the production kernels (the public
 * facades, or {@link Kernels#provider()}): they must get what the fork's flags ask for: the scalar path under
 * {@code -Dlanewise.kernels=scalar} (the scalar level), else the vector path at the width of
 * {@code -Dlanewise.vector.bits} or, without it, at the JVM's preferred float species. Every other method is
 * not checked: the {@code Scalar} ones call {@link Kernels#scalar()} directly (never the choice), the peers
 * ({@code PlainJava}, {@code Tribuo}, ...) no kernels at all, and {@code DispatchOverheadBenchmark.dotDirect}
 * a vector class of its own, which cannot even load without the module.
 *
 * @param kind   what is checked
 * @param bits   for {@link Kind#VECTOR}, the width the fork must run, or 0 where no width is known (the
 *               Vector API module is absent, so the vector path cannot be had at any width)
 * @param source where the expectation comes from, in words, for the message
 */
public record ExpectedKernels(Kind kind, int bits, String source) {

    /** Method-name endings of the benchmarks that measure the production kernels. */
    public static final List<String> PRODUCTION_SUFFIXES = List.of(
            "Vector", "VectorWarmedUp", "Lanewise", "Facade", "ByName", "Array", "HeapSegment", "NativeSegment");

    /** What a fork must run. */
    public enum Kind {
        /** Not checked: the method does not use the dispatcher's choice. */
        UNCHECKED,
        /** The scalar kernels. */
        SCALAR,
        /** The vector kernels at {@link #bits()}. */
        VECTOR
    }

    public ExpectedKernels {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }

    /** Whether method {@code method} (simple name) measures the production kernels, by its name's ending. */
    public static boolean usesProductionKernels(String method) {
        for (String suffix : PRODUCTION_SUFFIXES) {
            if (method.endsWith(suffix) && method.length() > suffix.length()) {
                return true;
            }
        }
        return false;
    }

    /** The expectation for {@code method} in this JVM, from its system properties and preferred species. */
    public static ExpectedKernels forMethod(String method) {
        if (!usesProductionKernels(method)) {
            return unchecked();
        }
        return forMethod(method, System.getProperty(Kernels.IMPLEMENTATION_PROPERTY), Kernels.forcedVectorBits(),
                Kernels.preferredVectorBits());
    }

    /**
     * The expectation for {@code method} given the fork's settings.
     *
     * @param implementation the value of {@code -Dlanewise.kernels}, or null where it is not set
     * @param forcedBits     the width {@code -Dlanewise.vector.bits} forces, if set
     * @param preferredBits  the JVM's preferred float species, if the Vector API classes load
     */
    public static ExpectedKernels forMethod(String method, String implementation, OptionalInt forcedBits,
            OptionalInt preferredBits) {
        Objects.requireNonNull(method, "method");
        if (!usesProductionKernels(method)) {
            return unchecked();
        }
        if (implementation != null && implementation.trim().toLowerCase(Locale.ROOT).equals("scalar")) {
            return new ExpectedKernels(Kind.SCALAR, 0, "-D" + Kernels.IMPLEMENTATION_PROPERTY + "=scalar");
        }
        if (forcedBits.isPresent()) {
            return new ExpectedKernels(Kind.VECTOR, forcedBits.getAsInt(),
                    "-D" + Kernels.BITS_PROPERTY + "=" + forcedBits.getAsInt());
        }
        if (preferredBits.isPresent()) {
            return new ExpectedKernels(Kind.VECTOR, preferredBits.getAsInt(), "the JVM's preferred float species");
        }
        return new ExpectedKernels(Kind.VECTOR, 0, "at the JVM's preferred width, unknown here because the "
                + "Vector API module is absent or its classes did not load");
    }

    private static ExpectedKernels unchecked() {
        return new ExpectedKernels(Kind.UNCHECKED, 0, "a method that does not use the dispatcher's choice");
    }

    /**
     * Why the fork must not measure {@code benchmark} with {@code choice}, or empty where the choice is the
     * expected one.
     *
     * @param benchmark     the full method name, as JMH gives it
     * @param choice        the dispatcher's choice in the fork
     * @param modulePresent whether the fork has the {@code jdk.incubator.vector} module
     */
    public Optional<String> refusal(String benchmark, KernelChoice choice, boolean modulePresent) {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(choice, "choice");
        int got = choice.provider().vectorBitSize();
        boolean ok = switch (kind) {
            case UNCHECKED -> true;
            case SCALAR -> got == 0;
            case VECTOR -> bits > 0 && got == bits;
        };
        if (ok) {
            return Optional.empty();
        }
        String wanted = kind == Kind.SCALAR ? "the scalar kernels"
                : "the vector kernels at " + (bits > 0 ? bits + " bits" : "some width");
        String cause;
        if (kind == Kind.VECTOR && !modulePresent) {
            cause = "the fork was started without --add-modules=jdk.incubator.vector. On JMH's command line, "
                    + "-jvmArgsAppend replaces the class's @Fork(jvmArgsAppend), the --add-modules included: "
                    + "pass --add-modules=jdk.incubator.vector there too, or run it through `lanewise bench`";
        } else if (kind == Kind.VECTOR && got == 0) {
            cause = "the dispatcher refused the vector path, and its reason above says why (for example C2 "
                    + "is off under -XX:TieredStopAtLevel=1 or -Xint, or the JDK is newer than tested)";
        } else {
            cause = "the fork's flags ask for one thing and the dispatcher decided another: compare "
                    + "-Dlanewise.kernels, -Dlanewise.vector.bits and -XX:MaxVectorSize among the fork's flags";
        }
        return Optional.of(benchmark + " measures the production kernels, so its fork must run " + wanted + " ("
                + source + "), but it runs " + choice.provider().name() + " (" + choice.describe() + "). "
                + "The timing would be of the wrong path, so the benchmark refuses to run. Likely cause: " + cause + ".");
    }
}
