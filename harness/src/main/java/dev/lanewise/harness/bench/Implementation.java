package dev.lanewise.harness.bench;

import java.util.List;

/**
 * Splits a benchmark method name into the kernel and the implementation measured, by the naming rule all
 * benchmarks follow: {@code <kernel><Implementation>}, e.g. {@code dotVector}, {@code adamTribuo}.
 */
public final class Implementation {
    /** Known implementation suffixes, longest first so that {@code PlainJava} wins over a shorter match. */
    private static final List<String> SUFFIXES = List.of(
            "PlainJava", "Lanewise", "Vector", "Scalar", "Tribuo", "Netlib", "Ejml", "Naive", "Peer",
            "HeapSegment", "NativeSegment", "Array");

    private Implementation() {}

    /** The implementation part of a method name, or the whole name if it follows no known suffix. */
    public static String of(String method) {
        for (String suffix : SUFFIXES) {
            if (method.endsWith(suffix) && method.length() > suffix.length()) {
                return suffix;
            }
        }
        return method;
    }

    /** The kernel part of a method name. */
    public static String kernel(String method) {
        String impl = of(method);
        return impl.equals(method) ? method : method.substring(0, method.length() - impl.length());
    }
}
