package dev.lanewise.kernels.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Gives one vector width its own copy of the classes in {@code dev.lanewise.kernels.vector}, so that tests
 * and benchmarks can run 128-, 256- and 512-bit kernels side by side in one JVM at full speed.
 *
 * <p>Why a class loader: the Vector API is only fast where C2 sees the species as a constant. A species in
 * a {@code static final} always is; a species in an instance field (even a record's, which C2 trusts) is a
 * constant only where the kernel is inlined into a caller holding the instance in a {@code static final},
 * and kernels longer than C2's inlining limit (325 bytecodes) are not: measured, a 333-bytecode dot with
 * the species in a record field ran 20x slower than the scalar loop. So every vector kernel reads its
 * species from {@code VectorWidth}'s static finals, and each extra width gets its own copy of those
 * classes, whose static initializers ask this loader for their width. The interfaces they implement live
 * outside the vector package and are shared, so a copy is used like any other implementation.
 */
public final class WidthClassLoader extends ClassLoader {
    private static final String VECTOR_PACKAGE = "dev.lanewise.kernels.internal.vector.";

    private final int bits;

    public WidthClassLoader(int bits, ClassLoader parent) {
        super("lanewise-vector" + bits, parent);
        this.bits = bits;
        exportInternalsToCopies();
    }

    /**
     * Where the kernels run as the named module {@code dev.lanewise.kernels}, the copies this loader defines
     * live in its unnamed module, which may read only exported packages; they implement the public
     * interfaces but also use the internal FMA policy, argument checks and scalar helpers, so this module
     * exports those packages to exactly that unnamed module (a qualified export made at run time; only code
     * inside the module may do it). On the class path everything is one unnamed module and nothing is needed.
     */
    private void exportInternalsToCopies() {
        Module kernels = WidthClassLoader.class.getModule();
        if (kernels.isNamed()) {
            for (String pkg : kernels.getPackages()) {
                if (pkg.startsWith("dev.lanewise.kernels.internal")) {
                    kernels.addExports(pkg, getUnnamedModule());
                }
            }
        }
    }

    /** The vector width, in bits, of the classes this loader defines. */
    public int bits() {
        return bits;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(VECTOR_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = readClassFile(name);
                loaded = defineClass(name, bytes, 0, bytes.length, WidthClassLoader.class.getProtectionDomain());
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] readClassFile(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
