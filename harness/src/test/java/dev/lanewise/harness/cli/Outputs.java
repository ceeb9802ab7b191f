package dev.lanewise.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads what the commands write: CSV text, the SVG chart's text, a folder's files. */
final class Outputs {
    private Outputs() {}

    /** The file's lines split at commas (the tests' files have no quoted cells). */
    static List<String[]> csv(Path file) throws IOException {
        return csv(Files.readString(file, StandardCharsets.UTF_8));
    }

    static List<String[]> csv(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }

    /**
     * Parses the SVG as XML (failing if it is not well-formed) and returns the content of its text elements:
     * the title, the legend's series names and the axis labels.
     */
    static List<String> svgTexts(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // Never fetch a DTD from the network.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document document = builder.parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getLocalName(), "root element of " + svg);
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            texts.add(node.getTextContent().strip());
        }
        return texts;
    }

    /** The names of the files in {@code folder}, hidden ones (temporary files) included. */
    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The number after {@code label} on the stdout line that starts with it, e.g. {@code accuracy 0.961}. */
    static double number(String stdout, String label) {
        for (String line : stdout.lines().toList()) {
            if (line.startsWith(label + " ")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("[-+0-9.eE]+")
                        .matcher(line.substring(label.length()).strip());
                if (m.lookingAt()) {
                    return Double.parseDouble(m.group());
                }
            }
        }
        throw new AssertionError("no line starting with '" + label + " ' in:\n" + stdout);
    }

    /** Fails unless every one of {@code expected} is among {@code texts}. */
    static void assertContainsAll(List<String> texts, String... expected) {
        for (String e : expected) {
            assertTrue(texts.contains(e), "'" + e + "' not among " + texts);
        }
    }
}
