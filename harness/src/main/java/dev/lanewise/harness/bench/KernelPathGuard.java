package dev.lanewise.harness.bench;

import dev.lanewise.kernels.KernelChoice;
import dev.lanewise.kernels.Kernels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The base class of every benchmark class (which must be a {@code @State}, so that JMH runs this inherited
 * setup): before a fork measures anything, it refuses to run a method whose name promises kernels the fork does
 * not have ({@link ExpectedKernels}), and it writes down what the fork ran with ({@link ForkRecord}) where
 * {@value ForkRecord#FOLDER_PROPERTY} names a folder.
 *
 * <p>Why: on JMH's command line {@code -jvmArgsAppend} replaces a class's {@code @Fork(jvmArgsAppend)}, the
 * {@code --add-modules=jdk.incubator.vector} included, and the dispatcher then quietly takes the scalar path: a
 * method named {@code sigmoidVector} measured the scalar kernel, a dozen times slower, under its vector name.
 */
public abstract class KernelPathGuard {
    /**
     * The kernels' logger, quieted before the guard first touches {@link Kernels}: every fork would otherwise print
     * the dispatch line into a report's progress; the fork's record keeps it. Held here because
     * java.util.logging keeps loggers weakly, and a collected one would lose its level.
     */
    private static final java.util.logging.Logger KERNEL_LOG = quiet();

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.lanewise.kernels");
        log.setLevel(java.util.logging.Level.WARNING);
        return log;
    }


    /**
     * Checks the fork's kernels against the method's name, runs {@link #prepareFork} and writes the fork's
     * record; throws, failing the run with the reason, where the kernels are not the expected ones.
     *
     * @throws IllegalStateException naming the method, the kernels it got and the likely cause
     */
    @Setup(Level.Trial)
    public final void guardKernelPath(BenchmarkParams params) throws IOException {
        String benchmark = params.getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        ExpectedKernels expected = ExpectedKernels.forMethod(method);
        String folder = System.getProperty(ForkRecord.FOLDER_PROPERTY);
        boolean record = folder != null && !folder.isBlank();
        // A peer's fork that writes no record never asks for the choice, so it loads no vector class it did not before.
        KernelChoice choice = expected.kind() != ExpectedKernels.Kind.UNCHECKED || record ? Kernels.choice() : null;
        Optional<String> refusal = choice == null ? Optional.empty()
                : expected.refusal(benchmark, choice, Kernels.vectorModulePresent());
        Map<String, String> prepared = refusal.isPresent() ? Map.of() : prepareFork(params);
        if (record) {
            ForkRecord.ofThisJvm(benchmark, paramLabel(params), choice, refusal.orElse(""), prepared)
                    .writeTo(Path.of(folder));
        }
        if (refusal.isPresent()) {
            throw new IllegalStateException(refusal.get());
        }
    }

    /**
     * Work a benchmark does once per fork after the check, before anything is measured, and what it did, for
     * the fork's record (for example a kernel warm-up and its seconds). Runs before or after the class's own
     * trial setups: JMH does not order them. The default does nothing.
     *
     * @param params the fork's benchmark and parameters
     * @return entries for the fork's record, e.g. {@code warmUpSeconds}
     */
    protected Map<String, String> prepareFork(BenchmarkParams params) {
        return Map.of();
    }

    private static String paramLabel(BenchmarkParams params) {
        StringBuilder label = new StringBuilder();
        for (String key : params.getParamsKeys()) {
            label.append(label.isEmpty() ? "" : ", ").append(key).append('=').append(params.getParam(key));
        }
        return label.toString();
    }
}
