package dev.lanewise.harness;

import dev.lanewise.kernels.Kernels;

import picocli.CommandLine.Command;

/** Prints which kernel path was chosen and why, and what this JVM and CPU offer. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Which kernel path, species and FMA policy this JVM uses, and why.")
public final class InfoCommand implements Runnable {

    @Override
    public void run() {
        System.out.println(Kernels.choice().describe());
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println("CPU: " + CpuInfo.modelName() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("Vector API module present: " + Kernels.vectorModulePresent()
                + (Kernels.preferredVectorBits().isPresent()
                        ? ", preferred float species " + Kernels.preferredVectorBits().getAsInt() + " bits" : ""));
        System.out.println("Loop alignment: " + Kernels.loopAlignment());
    }
}
