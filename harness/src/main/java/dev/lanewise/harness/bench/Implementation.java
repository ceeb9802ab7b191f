package dev.lanewise.harness.bench;

import java.util.List;

/**
 * Splits a benchmark method name into the kernel and the implementation measured, by the naming rule all
 * benchmarks follow: {@code <kernel><Implementation>}, e.g. {@code dotVector}, {@code adamTribuo}.
 */
public final class Implementation {
    /**
     * Known implementation suffixes, a longer one before any shorter one it ends with ({@code OpenBlasAllCores}
     * before {@code OpenBlas}). {@code C} (the native reference kernels) comes last and counts only after a
     * lower-case letter or digit ({@code dotC}), so no name merely ending in a capital C is taken for it.
     */
    private static final List<String> SUFFIXES = List.of(
            "OpenBlasAllCores", "OpenBlas", "PlainJava", "Lanewise", "Vector", "Scalar", "Tribuo", "Netlib", "Ejml",
            "Naive", "Peer", "HeapSegment", "NativeSegment", "Array", "C");

    private Implementation() {}

    /** The implementation part of a method name, or the whole name if it follows no known suffix. */
    public static String of(String method) {
        for (String suffix : SUFFIXES) {
            if (method.endsWith(suffix) && method.length() > suffix.length()
                    && (!suffix.equals("C") || isLowerOrDigit(method.charAt(method.length() - 2)))) {
                return suffix;
            }
        }
        return method;
    }

    private static boolean isLowerOrDigit(char c) {
        return Character.isLowerCase(c) || Character.isDigit(c);
    }

    /** The kernel part of a method name. */
    public static String kernel(String method) {
        String impl = of(method);
        return impl.equals(method) ? method : method.substring(0, method.length() - impl.length());
    }
}
