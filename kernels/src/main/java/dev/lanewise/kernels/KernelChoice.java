package dev.lanewise.kernels;

import dev.lanewise.kernels.internal.FmaPolicy;

/**
 * Which provider the facades use, and why: the content of the one dispatch log line.
 *
 * @param provider the kernels every facade calls
 * @param reason   why this one and not the other, in words
 */
public record KernelChoice(KernelProvider provider, String reason) {

    /** One line: the path, its species, whether FMA is used, and why. */
    public String describe() {
        String species = provider.vectorBitSize() == 0
                ? "no species"
                : "species float x " + provider.vectorBitSize() / Float.SIZE + " lanes (" + provider.vectorBitSize() + " bits)";
        return "lanewise kernels: " + provider.name() + ", " + species + ", FMA " + (FmaPolicy.USE_FMA ? "on" : "off")
                + " (" + FmaPolicy.REASON + "); " + reason;
    }
}
