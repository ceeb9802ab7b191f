package dev.lanewise.kernels.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.Objects;

/**
 * Loads the vector kernels reflectively, so that no class touching {@code jdk.incubator.vector} is linked before
 * {@code Kernels} found the module, and turns every failure to load or initialize them into an
 * {@link UnsupportedOperationException} that says why.
 *
 * <p>Why catch every {@link Throwable} short of {@link VirtualMachineError}: the incubating API may change
 * under us (a {@link NoSuchMethodError} or {@link NoClassDefFoundError} at first use), a VM may lack its
 * intrinsics or species (an {@link ExceptionInInitializerError} from {@code VectorWidth}), and in each case
 * the scalar path still works; only a JVM out of memory or stack is left to fail.
 */
public final class VectorProviderLoader {
    /**
     * Test hook, not for production: the binary name of a class to load in place of the vector provider. It
     * needs the provider's public static methods {@code create()} (a {@link KernelSet}) and
     * {@code preferredBitSize()} (an {@code int}); tests name one that fails, to see the fallback.
     */
    public static final String TEST_PROVIDER_PROPERTY = "lanewise.test.vectorProvider";

    private static final String PROVIDER = "dev.lanewise.kernels.internal.vector.VectorKernelProvider";
    /** Causes shown in a reason; the chain of a real failure is short, a longer one says nothing more. */
    private static final int MAX_CAUSES = 4;

    private VectorProviderLoader() {}

    /** The kernels of the vector package as {@code loader} defines it. */
    public static KernelSet create(ClassLoader loader) {
        return call(loader, "create", KernelSet.class);
    }

    /** The float width this JVM prefers, asked of the vector package as {@code loader} defines it. */
    public static int preferredBitSize(ClassLoader loader) {
        return call(loader, "preferredBitSize", Integer.class);
    }

    private static <T> T call(ClassLoader loader, String method, Class<T> type) {
        String provider = System.getProperty(TEST_PROVIDER_PROPERTY, PROVIDER);
        try {
            Object result = Class.forName(provider, true, loader).getMethod(method).invoke(null);
            return type.cast(Objects.requireNonNull(result, () -> provider + "." + method + "() returned null"));
        } catch (InvocationTargetException e) {
            throw unavailable(e.getCause());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            throw unavailable(t);
        }
    }

    private static UnsupportedOperationException unavailable(Throwable cause) {
        if (cause instanceof VirtualMachineError e) {
            throw e;
        }
        return new UnsupportedOperationException("the vector kernels failed to load: " + describe(cause), cause);
    }

    /** The failure and its causes on one line, as the dispatch log line is one line. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (Throwable t = failure; t != null && shown < MAX_CAUSES; t = t.getCause(), shown++) {
            if (shown > 0) {
                text.append(", caused by ");
            }
            text.append(t.getClass().getName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().replaceAll("\\s+", " ").strip());
            }
        }
        return text.toString();
    }
}
