package dev.lanewise.harness.bench.peers;

import dev.lanewise.harness.bench.Implementation;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The state every native benchmark method takes: before the trial it makes sure the method's peer is loaded
 * (failing the run with the reason where it is not, as when JMH is run directly on a machine without it) and
 * sets OpenBLAS's thread count: the benchmark's {@code threads} parameter where it has one, all
 * {@link Runtime#availableProcessors()} cores for {@code xxxOpenBlasAllCores}, else 1.
 */
@State(Scope.Thread)
public class NativePeerGuard {

    @Setup(Level.Trial)
    public void prepare(BenchmarkParams params) {
        String name = params.getBenchmark();
        String method = name.substring(name.lastIndexOf('.') + 1);
        String implementation = Implementation.of(method);
        Peer peer = Peer.ofImplementation(implementation).orElseThrow(() -> new IllegalStateException(
                method + " takes a NativePeerGuard but its name ends in no native peer's suffix"));
        switch (peer) {
            case C_REFERENCE -> CReference.require(method);
            case OPENBLAS -> {
                OpenBlas.require(method);
                OpenBlas.setThreads(openBlasThreads(implementation, params.getParamsKeys().contains("threads")
                        ? params.getParam("threads") : null, Runtime.getRuntime().availableProcessors()));
            }
        }
    }

    /** The threads an OpenBLAS method runs on: all cores, else the {@code threads} parameter, else 1. */
    public static int openBlasThreads(String implementation, String threadsParam, int cores) {
        if (implementation.equals("OpenBlasAllCores")) {
            return cores;
        }
        return threadsParam == null ? 1 : Integer.parseInt(threadsParam);
    }
}
