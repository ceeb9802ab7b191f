package dev.lanewise.model.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for the strings of a model file. Strict both ways because the lenient JDK defaults would change
 * text silently: encoding turns an unpaired surrogate into '?', decoding turns bad bytes into U+FFFD.
 */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Refuses a string that UTF-8 cannot carry unchanged: one with an unpaired surrogate (Java strings may hold
     * them; Unicode text may not).
     *
     * @param what names the string in the message, e.g. {@code "metadata key 'labels'"}
     */
    static String requireEncodable(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " has an unpaired surrogate U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at index " + i
                        + ", which UTF-8 cannot store");
            }
        }
        return s;
    }

    /** The UTF-8 bytes of a string that passed {@link #requireEncodable}. */
    static byte[] encode(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes well-formed UTF-8; throws on anything else (overlong forms, encoded surrogates, bad bytes). */
    static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
