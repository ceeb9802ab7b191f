package dev.lanewise.kernels.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * HotSpot's VM flags ({@code UseFMA}, {@code EnableVectorSupport}), read through
 * {@link HotSpotDiagnosticMXBean} where this JVM lets us.
 *
 * <p>The bean lives in {@code jdk.management}, which this module requires only {@code static}: a jlink image
 * or a {@code --limit-modules} run without it must still load the kernels. There the first touch of
 * {@code com.sun.management} throws {@link NoClassDefFoundError}, so every access here catches
 * {@link LinkageError} and answers "unknown" instead.
 */
public final class HotSpotFlags {
    private static final HotSpotDiagnosticMXBean BEAN;
    /** Why no flag can be read, or null where the bean answers. */
    private static final String UNREADABLE;

    static {
        HotSpotDiagnosticMXBean bean = null;
        String unreadable;
        try {
            bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            unreadable = bean == null ? "the VM has no HotSpotDiagnosticMXBean" : null;
        } catch (LinkageError e) {
            unreadable = "the module jdk.management is absent";
        } catch (RuntimeException e) {
            // IllegalArgumentException: not a platform interface on this VM; SecurityException.
            unreadable = "the VM's flags cannot be read (" + e + ")";
        }
        BEAN = bean;
        UNREADABLE = unreadable;
    }

    private HotSpotFlags() {}

    /**
     * The value of flag {@code name}, or empty where it cannot be read: no bean, no such flag on this VM, or
     * (for experimental and diagnostic flags) a flag that was not unlocked.
     */
    public static Optional<String> get(String name) {
        if (BEAN == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BEAN.getVMOption(name).getValue());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Why no flag can be read at all, or empty where the bean is there. */
    public static Optional<String> unreadableReason() {
        return Optional.ofNullable(UNREADABLE);
    }
}
