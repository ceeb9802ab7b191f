package dev.lanewise.harness.dispatch;

/**
 * Stand-ins for the vector provider, named through the test hook {@code -Dlanewise.test.vectorProvider}, that
 * fail the ways a real one could on a JVM it was not built for.
 */
public final class BrokenVectorProviders {
    private BrokenVectorProviders() {}

    /** Its static initializer throws, as {@code VectorWidth}'s would on a VM without the species it needs. */
    public static final class FailingInitializer {
        static {
            fail();
        }

        private FailingInitializer() {}

        private static void fail() {
            throw new IllegalStateException("simulated failure in a vector class's static initializer");
        }

        public static Object create() {
            throw new AssertionError("never reached: initialization failed");
        }

        public static int preferredBitSize() {
            throw new AssertionError("never reached: initialization failed");
        }
    }

    /** Throws the {@link NoSuchMethodError} a changed incubator API gives at a call's first linkage. */
    public static final class MissingApi {
        private MissingApi() {}

        public static Object create() {
            throw missing();
        }

        public static int preferredBitSize() {
            throw missing();
        }

        private static NoSuchMethodError missing() {
            return new NoSuchMethodError("'jdk.incubator.vector.FloatVector.simulatedRemovedMethod()'");
        }
    }
}
