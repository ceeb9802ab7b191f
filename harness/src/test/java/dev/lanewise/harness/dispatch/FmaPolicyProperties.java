package dev.lanewise.harness.dispatch;

import dev.lanewise.kernels.internal.FmaPolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Example;

/**
 * Runs in both property runs (with the JVM's FMA policy, and again with -Dlanewise.fma=false) and proves
 * that each run really took the policy it was meant to test.
 */
class FmaPolicyProperties {

    @Example
    void thePolicyFollowsTheSystemPropertyWhenOneIsSet() {
        String forced = System.getProperty(FmaPolicy.PROPERTY);
        if (forced != null && !forced.equals("auto")) {
            assertEquals(Boolean.parseBoolean(forced), FmaPolicy.USE_FMA, FmaPolicy.REASON);
        } else {
            assertEquals(FmaPolicy.REASON.contains("UseFMA=true"), FmaPolicy.USE_FMA, FmaPolicy.REASON);
        }
    }

    @Example
    void fmaRoundsOnceOnlyWhenThePolicyFuses() {
        // 1 + 2^-23 squared is 1 + 2^-22 + 2^-46: a fused multiply-add keeps the 2^-46 that two roundings lose.
        float a = 1f + 0x1p-23f;
        float result = FmaPolicy.fma(a, a, -(1f + 0x1p-22f));
        assertEquals(FmaPolicy.USE_FMA ? 0x1p-46f : 0f, result);
    }
}
