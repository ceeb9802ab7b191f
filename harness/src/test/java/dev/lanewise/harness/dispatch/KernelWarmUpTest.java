package dev.lanewise.harness.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lanewise.kernels.KernelChoice;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.WarmUpMode;
import dev.lanewise.kernels.WarmUpReport;
import dev.lanewise.kernels.gemm.GemmSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernels#warmUp()}: it runs, once per JVM, changes no setting and no result of the tier-independent
 * kernels, trainers start it only where {@code -Dlanewise.warmUp} asks, and the scalar path skips it.
 */
class KernelWarmUpTest {

    @Test
    void warmUpRunsOncePerJvmAndReturnsTheSameReportAfterwards() {
        WarmUpReport first = Kernels.warmUp();
        long start = System.nanoTime();
        WarmUpReport second = Kernels.warmUp();
        assertSame(first, second);
        assertSame(first, Kernels.warmUpInBackground().join());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "a second warm-up must return at once");
    }

    @Test
    void warmUpChangesNoSetting() {
        int threads = GemmSettings.threads();
        long minSplit = GemmSettings.minSplitFlops();
        Executor executor = GemmSettings.executor();
        KernelChoice choice = Kernels.choice();
        Properties properties = new Properties();
        properties.putAll(System.getProperties());

        Kernels.warmUp();

        assertEquals(threads, GemmSettings.threads());
        assertEquals(minSplit, GemmSettings.minSplitFlops());
        assertSame(executor, GemmSettings.executor());
        assertSame(choice, Kernels.choice());
        assertEquals(properties, System.getProperties());
    }

    @Test
    void inAFreshJvmItRunsOnTheVectorKernelsWhenCalledAndChangesNoKernelResult() throws Exception {
        String out = probe("--add-modules=jdk.incubator.vector");
        assertTrue(out.contains("started-by-fit=false"), "off by default: the fit must not start it\n" + out);
        assertTrue(out.contains("ran=true"), out);
        assertTrue(out.contains("implementation=" + vectorName(out)), out);
        assertTrue(out.contains("outcome=steady") || out.contains("outcome=stopped at the 10 s limit"), out);
        // The same kernels on the same inputs, mostly interpreted before and compiled after: the same bits.
        assertEquals(value(out, "kernels-before"), value(out, "kernels-after"), out);
    }

    /**
     * The vector softmax and binary cross-entropy used to take {@code exp} and {@code log1p} from the Vector API,
     * whose interpreter fallback (Math) and C2 intrinsic round differently, so a cold fit's bits depended on when
     * C2 compiled them; they now use the activations' polynomials.
     */
    @Test
    void theLossesHaveTheSameBitsInterpretedAndCompiled() throws Exception {
        String out = probe("--add-modules=jdk.incubator.vector");
        assertEquals(value(out, "losses-before"), value(out, "losses-after"), out);
    }

    @Test
    void aFitStartsItWhereThePropertyAsksAndHasTheSameBitsEitherWay() throws Exception {
        String off = probe("--add-modules=jdk.incubator.vector", "-Dlanewise.warmUp=off");
        String blocking = probe("--add-modules=jdk.incubator.vector", "-Dlanewise.warmUp=blocking");
        String background = probe("--add-modules=jdk.incubator.vector", "-Dlanewise.warmUp=background");
        assertTrue(off.contains("started-by-fit=false"), off);
        assertTrue(blocking.contains("started-by-fit=true") && blocking.contains("ran=true"), blocking);
        assertTrue(background.contains("started-by-fit=true") && background.contains("ran=true"), background);
        assertEquals(value(off, "regression"), value(blocking, "regression"), off + "\n" + blocking);
        assertEquals(value(off, "regression"), value(background, "regression"), off + "\n" + background);
    }

    @Test
    void theScalarPathSkipsTheWarmUp() throws Exception {
        String out = probe("--add-modules=jdk.incubator.vector", "-Dlanewise.kernels=scalar");
        assertTrue(out.contains("implementation=scalar rounds=0 ran=false outcome=skipped"), out);
    }

    @Test
    void theModePropertyIsParsedAndAMisspellingRefused() {
        assertEquals(WarmUpMode.BLOCKING, WarmUpMode.parse(" Blocking "));
        assertEquals(WarmUpMode.OFF, WarmUpMode.parse("off"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WarmUpMode.parse("eager"));
        assertEquals("lanewise.warmUp must be background, blocking or off, was eager", e.getMessage());
    }

    private static String vectorName(String out) {
        Matcher m = Pattern.compile("implementation=(vector\\d+)").matcher(out);
        if (!m.find()) {
            fail("no vector implementation in:\n" + out);
        }
        return m.group(1);
    }

    private static String value(String out, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(-?\\d+)$").matcher(out);
        if (!m.find()) {
            fail("no " + key + " in:\n" + out);
        }
        return m.group(1);
    }

    /** Runs {@link WarmUpProbe} in a fresh JVM with this JVM's class path; fails unless it exits normally. */
    private static String probe(String... jvmArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WarmUpProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
