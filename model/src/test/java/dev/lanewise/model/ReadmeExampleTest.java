package dev.lanewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.model.data.CsvLoader;
import dev.lanewise.model.data.CsvOptions;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.linear.LogisticRegression;
import dev.lanewise.model.metrics.ClassificationMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs the Java example of README.md exactly as the README shows it, so that the README cannot
 * rot: the snippet is the {@code ```java} block between the {@code readme-example} markers, and its command
 * line is the {@code java ...} line after it. Surefire runs in {@code model/}, so the README's paths, which are
 * relative to the repository root, are resolved against {@code ..}; the model file goes to a temporary folder.
 */
class ReadmeExampleTest {
    private static final Path REPO_ROOT = Path.of("..");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");
    private static final Pattern RUN_LINE = Pattern.compile("(?m)^java .*$");
    private static final Pattern ACCURACY = Pattern.compile("test accuracy (\\S+)");

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleCompilesRunsAndReachesTheAccuracyItPromises() throws Exception {
        String example = exampleSection(Files.readString(REPO_ROOT.resolve("README.md")));
        Matcher block = JAVA_BLOCK.matcher(example);
        assertTrue(block.find(), "no ```java block between the readme-example markers");
        String source = block.group(1);
        Matcher className = CLASS_NAME.matcher(source);
        assertTrue(className.find(), "the snippet declares no public class");
        String mainClass = className.group(1);

        List<String> args = runArguments(example.substring(block.end()), mainClass);
        assertEquals(2, args.size(), "the run line should pass the CSV and the model file: " + args);
        Path csv = REPO_ROOT.resolve(args.get(0));
        assertTrue(Files.isRegularFile(csv), "the README's data file " + args.get(0) + " exists from the repository root");
        Path modelFile = dir.resolve(args.get(1));

        Path classes = Files.createDirectory(dir.resolve("classes"));
        compile(mainClass, source, classes);
        String printed = runMain(mainClass, classes, csv.toString(), modelFile.toString());

        Matcher accuracy = ACCURACY.matcher(printed);
        assertTrue(accuracy.find(), "the example should print its test accuracy, printed: " + printed);
        double value = Double.parseDouble(accuracy.group(1));
        assertTrue(value >= 0.96, "README example's test accuracy " + value + " should be >= 0.96");

        assertTrue(Files.isRegularFile(modelFile), "the example saved its model to " + modelFile);
        LogisticRegression loaded = LogisticRegression.load(modelFile);
        // The saved model predicts the whole data set about as well as the example's test rows say.
        Dataset data = CsvLoader.load(csv, CsvOptions.classification());
        double all = ClassificationMetrics.accuracy(data.labels(), loaded.predict(data.features()));
        assertTrue(all >= 0.95, "the loaded model's accuracy on all rows " + all);
    }

    /** The text between the markers. */
    static String exampleSection(String readme) {
        int start = readme.indexOf("<!-- readme-example:start -->");
        int end = readme.indexOf("<!-- readme-example:end -->");
        assertTrue(start >= 0 && end > start, "README.md lacks the readme-example markers");
        return readme.substring(start, end);
    }

    /** The arguments after the source file on the README's {@code java} command line. */
    static List<String> runArguments(String afterSnippet, String mainClass) {
        Matcher run = RUN_LINE.matcher(afterSnippet);
        assertTrue(run.find(), "no 'java ...' run line after the snippet");
        List<String> words = Arrays.asList(run.group().trim().split("\\s+"));
        int file = words.indexOf(mainClass + ".java");
        assertTrue(file > 0, "the run line should launch " + mainClass + ".java: " + run.group());
        assertTrue(words.contains("--add-modules"), "the run line should add jdk.incubator.vector: " + run.group());
        return new ArrayList<>(words.subList(file + 1, words.size()));
    }

    private static void compile(String mainClass, String source, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK, not a JRE");
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + mainClass + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                "-proc:none", "-Xlint:all", "-Werror");
        boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(unit)).call();
        StringBuilder report = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            report.append("\nline ").append(d.getLineNumber()).append(": ").append(d.getMessage(null));
        }
        assertTrue(ok, "the README snippet does not compile:" + report);
    }

    /** Runs {@code main} in this JVM and returns what it printed on System.out. */
    private String runMain(String mainClass, Path classes, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        original.print(printed);
        return printed;
    }
}
