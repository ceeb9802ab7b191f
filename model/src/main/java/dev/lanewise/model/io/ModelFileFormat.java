package dev.lanewise.model.io;

import java.nio.charset.StandardCharsets;

/** The constants of the model file format that {@code package-info.java} describes. */
final class ModelFileFormat {
    private ModelFileFormat() {
    }

    /**
     * "LANEWISEMODEL", then CR LF and Ctrl-Z as PNG's signature has them: a transfer in text mode that rewrites line
     * ends changes the magic, so it is caught here and not as a puzzling CRC error.
     */
    static final byte[] MAGIC = "LANEWISEMODEL\r\n\u001a".getBytes(StandardCharsets.US_ASCII);

    /** The format version this code writes, and the only one it reads. */
    static final int VERSION = 1;

    /** The longest array HotSpot allocates; a larger tensor in a file is refused before any allocation. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The fewest bytes one metadata entry takes: two string lengths. */
    static final int MIN_METADATA_ENTRY_BYTES = 2 * Integer.BYTES;

    /** The fewest bytes one tensor takes: name length, dtype, rank 1, one dimension 0, no values. */
    static final int MIN_TENSOR_BYTES = Integer.BYTES + 1 + Integer.BYTES + Integer.BYTES;
}
