package dev.lanewise.harness.activations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the golden files: objects, arrays, strings without escapes beyond \" and \\,
 * numbers, and the NaN / Infinity / -Infinity tokens that Python's json module writes. Numbers become
 * {@link Double}s, parsed exactly as written.
 */
final class GoldenJson {
    private final String text;
    private int pos;

    private GoldenJson(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        GoldenJson reader = new GoldenJson(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.pos != text.length()) {
            throw reader.error("trailing text");
        }
        return value;
    }

    /** The array at {@code key} of an object, as floats (each double rounded once, exact for float inputs). */
    @SuppressWarnings("unchecked")
    static float[] floats(Map<String, Object> object, String key) {
        List<Object> list = (List<Object>) object.get(key);
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Double) list.get(i)).floatValue();
        }
        return out;
    }

    /** The array at {@code key} as doubles. */
    @SuppressWarnings("unchecked")
    static double[] doubles(Map<String, Object> object, String key) {
        List<Object> list = (List<Object>) object.get(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Double) list.get(i);
        }
        return out;
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                if (text.startsWith("null", pos)) {
                    pos += 4;
                    return null;
                }
                return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (text.charAt(pos) == '}') {
                pos++;
                return map;
            }
            expect(',');
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (text.charAt(pos) == ']') {
                pos++;
                return list;
            }
            expect(',');
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            sb.append(c == '\\' ? text.charAt(pos++) : c);
        }
        pos++;
        return sb.toString();
    }

    private Double number() {
        for (String token : new String[] {"NaN", "Infinity", "-Infinity"}) {
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return Double.valueOf(token);
            }
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        return Double.valueOf(text.substring(start, pos));
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(what + " at offset " + pos);
    }
}
