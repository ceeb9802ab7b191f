/**
 * Saving and loading trained models: a model turns itself into a {@link dev.lanewise.model.io.ModelArchive}
 * (kind, metadata, named tensors) and back; {@link dev.lanewise.model.io.ModelFiles} writes an archive to a file
 * atomically and reads it back whole or not at all, throwing {@link dev.lanewise.model.io.ModelFileException}.
 * This package knows nothing of particular models.
 *
 * <h2>Model file format, version 1</h2>
 *
 * <p>Integers are big-endian two's complement, as {@link java.io.DataOutputStream} writes them. A <em>string</em>
 * is an {@code int} byte count {@code n >= 0} followed by {@code n} bytes of standard UTF-8 (not Java's modified
 * UTF-8, no terminator). Fields follow each other with no padding:
 *
 * <table class="striped">
 *   <caption>Fields of a model file, in order</caption>
 *   <thead><tr><th>field</th><th>type</th><th>contents</th></tr></thead>
 *   <tbody>
 *   <tr><td>magic</td><td>16 bytes</td><td>ASCII {@code LANEWISEMODEL}, then {@code 0x0D 0x0A 0x1A} (CR LF
 *       Ctrl-Z, as in PNG's signature, so that a text-mode transfer shows up as a bad magic)</td></tr>
 *   <tr><td>version</td><td>int</td><td>format version, {@code 1}</td></tr>
 *   <tr><td>kind</td><td>string</td><td>what model this is, e.g. {@code logistic-regression}; not empty</td></tr>
 *   <tr><td>metadata count</td><td>int</td><td>{@code m >= 0}</td></tr>
 *   <tr><td>metadata entries</td><td>m &times; (string, string)</td><td>key and value, in archive order; keys
 *       distinct</td></tr>
 *   <tr><td>tensor count</td><td>int</td><td>{@code t >= 0}</td></tr>
 *   <tr><td>tensors</td><td>t &times; tensor</td><td>in archive order; names distinct</td></tr>
 *   <tr><td>CRC32</td><td>int</td><td>the CRC-32 of {@link java.util.zip.CRC32} (the zlib/PNG polynomial) of
 *       every byte before it, from the first magic byte on; its 32 bits stored as an int</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>The file ends with the CRC32. Each tensor is:
 *
 * <table class="striped">
 *   <caption>Fields of one tensor, in order</caption>
 *   <thead><tr><th>field</th><th>type</th><th>contents</th></tr></thead>
 *   <tbody>
 *   <tr><td>name</td><td>string</td><td>e.g. {@code dense0.weight}</td></tr>
 *   <tr><td>dtype</td><td>1 byte</td><td>{@code 1} = float32 (4 bytes per element), {@code 2} = float64
 *       (8 bytes per element)</td></tr>
 *   <tr><td>rank</td><td>int</td><td>{@code r >= 0}</td></tr>
 *   <tr><td>shape</td><td>r &times; int</td><td>dimensions, each {@code >= 0}</td></tr>
 *   <tr><td>values</td><td>n &times; element</td><td>{@code n} = product of the dimensions ({@code 1} when
 *       {@code r = 0}, {@code 0} when a dimension is 0), row-major (last index fastest); each element the raw
 *       IEEE 754 bits ({@link java.lang.Float#floatToRawIntBits}, {@link java.lang.Double#doubleToRawLongBits}),
 *       so {@code -0.0}, subnormals, infinities and NaN bit patterns come back unchanged</td></tr>
 *   </tbody>
 * </table>
 *
 * <h2>Reading</h2>
 *
 * <p>A reader checks, in this order, and refuses the whole file at the first failure: the magic; the version
 * (only {@code 1} is read: any change to the layout gets a new version number, and a reader refuses versions
 * newer than its own); then each field, checking every length, count and shape against the bytes left in the
 * file before allocating anything (a count of {@code m} metadata entries needs at least {@code 8m} bytes, of
 * {@code t} tensors at least {@code 13t}); then the CRC32; then that no byte follows it; then that the strings
 * are well-formed UTF-8, the kind is not empty and no key or name appears twice.
 *
 * <h2>Writing</h2>
 *
 * <p>A writer writes the whole file to a temporary file in the target's directory, forces it to disk, renames it
 * over the target ({@link java.nio.file.StandardCopyOption#ATOMIC_MOVE}) and then syncs the directory; on any
 * failure it deletes the temporary file and leaves the target as it was.
 */
package dev.lanewise.model.io;
