package dev.lanewise.harness.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.lanewise.kernels.KernelChoice;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one JMH fork actually ran with, written by the fork itself ({@link KernelPathGuard}) into the folder that
 * {@value #FOLDER_PROPERTY} names, one properties file per fork, and read back by {@link ForkRecords}.
 *
 * @param benchmark     full method name, e.g. {@code dev.lanewise.harness.bench.BlasBenchmark.dotVector}
 * @param params        the JMH parameters, e.g. {@code size=4096}
 * @param level         the feature level its flags match ({@link #levelOf}), {@code default} or {@code custom}
 * @param levelFlags    the fork's flags that choose kernels or widths ({@link #levelFlags}), in order
 * @param jvmFlags      every flag of the fork's JVM, but JMH's per-fork compile-command file and this record's folder
 * @param path          the kernels the facades use ({@code scalar}, {@code vector256}, ...)
 * @param bits          their vector width, 0 for scalar
 * @param fma           the FMA policy with its reason, e.g. {@code on (the JVM reports UseFMA=true)}
 * @param useAvx        HotSpot's {@code UseAVX} as the JVM reports it, {@code n/a} where the VM has no such flag
 * @param maxVectorSize HotSpot's {@code MaxVectorSize}, likewise
 * @param reason        the dispatcher's reason for its choice
 * @param refusal       the guard's refusal, or empty where the fork ran
 * @param extras        what the benchmark's own fork preparation reported (e.g. a warm-up's seconds)
 */
public record ForkRecord(String benchmark, String params, String level, List<String> levelFlags, List<String> jvmFlags,
        String path, int bits, String fma, String useAvx, String maxVectorSize, String reason, String refusal,
        Map<String, String> extras) {

    /** System property naming the folder each fork writes its record into; unset, no record is written. */
    public static final String FOLDER_PROPERTY = "lanewise.bench.forkRecords";

    private static final String EXTRA_PREFIX = "extra.";
    /** JMH gives each fork its own compile-command file: a flag that differs between forks and says nothing. */
    private static final String JMH_COMPILE_COMMANDS = "-XX:CompileCommandFile=";

    public ForkRecord {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(level, "level");
        levelFlags = List.copyOf(levelFlags);
        jvmFlags = List.copyOf(jvmFlags);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fma, "fma");
        Objects.requireNonNull(useAvx, "useAvx");
        Objects.requireNonNull(maxVectorSize, "maxVectorSize");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refusal, "refusal");
        extras = Map.copyOf(extras);
    }

    /** This JVM's record for {@code benchmark}: its flags, HotSpot's options and the dispatcher's choice. */
    public static ForkRecord ofThisJvm(String benchmark, String params, KernelChoice choice, String refusal,
            Map<String, String> extras) {
        List<String> flags = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith(JMH_COMPILE_COMMANDS) && !arg.startsWith("-D" + FOLDER_PROPERTY + "=")) {
                flags.add(arg);
            }
        }
        return new ForkRecord(benchmark, params, levelOf(flags), levelFlags(flags), flags, choice.provider().name(),
                choice.provider().vectorBitSize(), fmaOf(choice), vmOption("UseAVX"), vmOption("MaxVectorSize"),
                choice.reason(), refusal, extras);
    }

    /**
     * The flags that decide which kernels run and how wide: {@code --add-modules}, {@code -Dlanewise.*} (but the
     * benchmark harness's own {@code -Dlanewise.bench.*}) and {@code -XX:} options but the compile-command file
     * and the unlocking of diagnostic and experimental options that JMH gives every fork.
     */
    public static List<String> levelFlags(List<String> jvmFlags) {
        List<String> chosen = new ArrayList<>();
        for (String flag : jvmFlags) {
            boolean lanewise = flag.startsWith("-Dlanewise.") && !flag.startsWith("-Dlanewise.bench.");
            // JMH gives every fork its compile-command file and unlocks diagnostic and experimental options.
            boolean hotspot = flag.startsWith("-XX:") && !flag.startsWith(JMH_COMPILE_COMMANDS)
                    && !flag.startsWith("-XX:+Unlock");
            if (flag.startsWith("--add-modules") || lanewise || hotspot) {
                chosen.add(flag);
            }
        }
        return chosen;
    }

    /**
     * The {@link FeatureLevel} whose flags the fork has ({@link FeatureLevel#label()}); {@code default} where it
     * has none of any level and no flag that sets kernels or widths, else {@code custom}.
     */
    public static String levelOf(List<String> jvmFlags) {
        for (FeatureLevel level : FeatureLevel.values()) {
            if (!level.jvmArgs().isEmpty() && jvmFlags.containsAll(level.jvmArgs())) {
                return level.label();
            }
        }
        for (String flag : jvmFlags) {
            if (flag.startsWith("-Dlanewise.kernels=") || flag.startsWith("-Dlanewise.vector.bits=")
                    || flag.startsWith("-XX:MaxVectorSize=") || flag.startsWith("-XX:UseAVX=")) {
                return "custom";
            }
        }
        return FeatureLevel.DEFAULT.label();
    }

    /**
     * The FMA part of {@link KernelChoice#describe()}, {@code on (why)} or {@code off (why)}: the kernels module
     * exports no other view of its FMA policy, and its line is built as {@code ..., FMA on (why); reason}.
     */
    static String fmaOf(KernelChoice choice) {
        String line = choice.describe();
        String tail = "; " + choice.reason();
        int at = line.indexOf(", FMA ");
        if (at < 0 || !line.endsWith(tail) || at + 6 > line.length() - tail.length()) {
            return "unknown";
        }
        return line.substring(at + 6, line.length() - tail.length());
    }

    /** A HotSpot option's value, {@code n/a} where the VM has no such option, {@code unreadable} without the bean. */
    static String vmOption(String name) {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean == null ? "unreadable" : bean.getVMOption(name).getValue();
        } catch (IllegalArgumentException e) {
            return "n/a";
        } catch (RuntimeException | LinkageError e) {
            return "unreadable";
        }
    }

    /** Whether the fork ran (the guard let it). */
    public boolean ran() {
        return refusal.isEmpty();
    }

    /** Writes this record into {@code folder} under a name of its own, atomically: a reader sees all of it or none. */
    public Path writeTo(Path folder) throws IOException {
        String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        String name = method.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".properties";
        Path file = folder.resolve(name);
        ReportWriter.writeAtomically(file, toText());
        return file;
    }

    /** The record as a properties file. */
    String toText() {
        Properties p = new Properties();
        p.setProperty("benchmark", benchmark);
        p.setProperty("params", params);
        p.setProperty("level", level);
        p.setProperty("levelFlags", String.join(" ", levelFlags));
        p.setProperty("jvmFlags", String.join(" ", jvmFlags));
        p.setProperty("path", path);
        p.setProperty("bits", Integer.toString(bits));
        p.setProperty("fma", fma);
        p.setProperty("UseAVX", useAvx);
        p.setProperty("MaxVectorSize", maxVectorSize);
        p.setProperty("reason", reason);
        p.setProperty("refusal", refusal);
        extras.forEach((k, v) -> p.setProperty(EXTRA_PREFIX + k, v));
        StringWriter out = new StringWriter();
        try {
            p.store(out, "what this JMH fork ran with");
        } catch (IOException e) {
            throw new AssertionError("a StringWriter does not throw", e);
        }
        return out.toString();
    }

    /** Reads a record written by {@link #writeTo}. */
    public static ForkRecord read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    static ForkRecord parse(String text, String where) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        Map<String, String> extras = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(EXTRA_PREFIX)) {
                extras.put(key.substring(EXTRA_PREFIX.length()), p.getProperty(key));
            }
        }
        try {
            return new ForkRecord(required(p, "benchmark", where), p.getProperty("params", ""),
                    required(p, "level", where), words(p.getProperty("levelFlags", "")),
                    words(p.getProperty("jvmFlags", "")), required(p, "path", where),
                    Integer.parseInt(required(p, "bits", where)), p.getProperty("fma", "unknown"),
                    p.getProperty("UseAVX", "unknown"), p.getProperty("MaxVectorSize", "unknown"),
                    p.getProperty("reason", ""), p.getProperty("refusal", ""), new LinkedHashMap<>(extras));
        } catch (NumberFormatException e) {
            throw new IOException(where + ": bits must be an integer, was " + p.getProperty("bits"), e);
        }
    }

    private static String required(Properties p, String key, String where) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException(where + " is no fork record: it has no " + key);
        }
        return value;
    }

    private static List<String> words(String joined) {
        return joined.isBlank() ? List.of() : Arrays.asList(joined.trim().split(" +"));
    }
}
