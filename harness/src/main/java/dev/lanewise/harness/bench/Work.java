package dev.lanewise.harness.bench;

/**
 * What one benchmark invocation does, so that the report can turn JMH's time per operation into rates.
 * Every benchmark class declares {@code public static Work work(String method, java.util.Map<String,String>
 * params)}; the report finds it by reflection.
 *
 * @param elements elements processed (for Gelem/s); 0 where the rate makes no sense
 * @param flops    floating-point operations, counting an FMA as 2 (for GFLOPS); 0 if not stated
 * @param bytes    bytes that must move between the core and memory at least once (for GB/s)
 */
public record Work(double elements, double flops, double bytes) {}
