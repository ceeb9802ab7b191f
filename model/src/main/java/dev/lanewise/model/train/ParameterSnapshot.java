package dev.lanewise.model.train;

import dev.lanewise.model.nn.Layer;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a network's parameter values and its layers' non-trainable state (batch norm's running
 * statistics), so that restoring the best epoch restores everything inference reads. Taken and restored
 * without allocating after construction.
 */
final class ParameterSnapshot {
    private final List<float[]> live = new ArrayList<>();
    private final float[][] copies;
    private boolean taken;

    ParameterSnapshot(Sequential network) {
        for (Parameter p : network.parameters()) {
            live.add(p.value());
        }
        for (Layer layer : network.layers()) {
            live.addAll(layer.state().values());
        }
        this.copies = new float[live.size()][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = new float[live.get(i).length];
        }
    }

    void take() {
        for (int i = 0; i < copies.length; i++) {
            float[] value = live.get(i);
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
            float[] value = live.get(i);
            System.arraycopy(copies[i], 0, value, 0, value.length);
        }
        return true;
    }
}
