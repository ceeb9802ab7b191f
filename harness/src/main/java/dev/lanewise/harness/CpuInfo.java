package dev.lanewise.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the report needs to know about the CPU, read from /proc/cpuinfo where there is one. */
public final class CpuInfo {
    private CpuInfo() {}

    /** The CPU's model name, or the OS architecture where /proc/cpuinfo is missing. */
    public static String modelName() {
        return field("model name").orElse(System.getProperty("os.arch"));
    }

    /** The SIMD feature flags that matter here (sse4_2, avx, avx2, fma, avx512f, ...). */
    public static List<String> simdFlags() {
        List<String> wanted = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512vl", "avx512bw", "avx512dq");
        String flags = field("flags").orElse("");
        List<String> present = List.of(flags.toLowerCase(Locale.ROOT).split("\\s+"));
        return wanted.stream().filter(present::contains).toList();
    }

    private static java.util.Optional<String> field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(name)) {
                    int colon = line.indexOf(':');
                    return java.util.Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return java.util.Optional.empty();
    }
}
