package dev.lanewise.model.train;

import dev.lanewise.model.nn.Parameter;
import java.util.List;

/** A copy of a network's parameter values, taken and restored without allocating after construction. */
final class ParameterSnapshot {
    private final List<Parameter> parameters;
    private final float[][] copies;
    private boolean taken;

    ParameterSnapshot(List<Parameter> parameters) {
        this.parameters = parameters;
        this.copies = new float[parameters.size()][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = new float[parameters.get(i).size()];
        }
    }

    void take() {
        for (int i = 0; i < copies.length; i++) {
            float[] value = parameters.get(i).value();
            System.arraycopy(value, 0, copies[i], 0, value.length);
        }
        taken = true;
    }

    /** Puts the copied values back; false if nothing was taken. */
    boolean restore() {
        if (!taken) {
            return false;
        }
        for (int i = 0; i < copies.length; i++) {
            float[] value = parameters.get(i).value();
            System.arraycopy(copies[i], 0, value, 0, value.length);
        }
        return true;
    }
}
