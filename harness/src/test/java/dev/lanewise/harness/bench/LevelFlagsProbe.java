package dev.lanewise.harness.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.lanewise.kernels.Kernels;
import java.lang.management.ManagementFactory;

/** Run in a child JVM by {@link FeatureLevelJvmTest}: prints what a level's flags made of the JVM and the kernels. */
public final class LevelFlagsProbe {
    private LevelFlagsProbe() {}

    public static void main(String[] args) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String flag : new String[] {"UseAVX", "UseFMA", "MaxVectorSize"}) {
            System.out.println(flag + "=" + hotSpot.getVMOption(flag).getValue());
        }
        System.out.println("preferredBits=" + Kernels.preferredVectorBits().orElse(0));
        System.out.println("kernels=" + Kernels.choice().describe());
    }
}
