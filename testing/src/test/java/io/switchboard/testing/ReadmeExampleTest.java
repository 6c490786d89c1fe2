package io.switchboard.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java example, as written: taken from README.md, compiled against this module's test classpath (the
 * library and the emulators; no command-line parser, no logging backend), and run in its own JVM, in a directory
 * holding the {@code switchboard.yaml} it loads, against the three emulators. The facade's class javadoc carries the
 * same example.
 */
class ReadmeExampleTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PUBLIC_CLASS = Pattern.compile("public class (\\w+)");

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleCompilesAndSendsThroughTheEmulators() throws Exception {
        String example = readmeExample();
        Matcher name = PUBLIC_CLASS.matcher(example);
        assertThat(name.find()).as("the README example declares a public class").isTrue();
        Path classes = Files.createDirectory(dir.resolve("classes"));
        compile(name.group(1), example, classes);

        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start()) {
            sandbox.writeConfiguration(dir, "alerts");
            ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"), name.group(1))
                    .directory(dir.toFile()).redirectErrorStream(true);
            java.environment().putAll(sandbox.environment());
            Process process = java.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // a guard against a hung child, not a speed check: the run takes about a second
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("sent by ");
            assertThat(sandbox.ledger().acceptances("+447700900001", "Hello")).isEqualTo(1L);
        }
    }

    @Test
    void theFacadeJavadocCarriesTheReadmeExample() throws IOException {
        String source = Files.readString(REPOSITORY.resolve("bootstrap/src/main/java/io/switchboard/Switchboard.java"));
        int start = source.indexOf("<pre>{@code\n");
        int end = source.indexOf("}</pre>", start);
        assertThat(start).as("Switchboard's javadoc has a code example").isPositive();
        String javadoc = source.substring(start + "<pre>{@code\n".length(), end).lines()
                .map(line -> line.replaceFirst("^ \\* ?", "").replaceFirst("^ \\*$", ""))
                .collect(Collectors.joining("\n")).strip();

        assertThat(javadoc).isEqualTo(readmeExample().strip());
    }

    private static String readmeExample() throws IOException {
        Matcher block = JAVA_BLOCK.matcher(Files.readString(REPOSITORY.resolve("README.md")));
        assertThat(block.find()).as("README.md has a ```java block").isTrue();
        return block.group(1);
    }

    private static void compile(String className, String source, Path classes) throws IOException {
        Path file = Files.createDirectories(classes.resolveSibling("src")).resolve(className + ".java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(null, files, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null,
                    files.getJavaFileObjects(file)).call();
            assertThat(compiled).as("the README example compiles: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }
}
