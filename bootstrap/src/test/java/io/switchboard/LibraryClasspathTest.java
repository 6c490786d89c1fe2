package io.switchboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.spi.SLF4JServiceProvider;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an application gets when it adds the library: this module's test class path is the library's runtime class
 * path plus JUnit, AssertJ and jqwik, so whatever the library's dependencies bring shows here.
 */
class LibraryClasspathTest {

    @ParameterizedTest(name = "{0} is not on the library's class path")
    @ValueSource(strings = {
            "picocli.CommandLine",                          // the command-line parser: switchboard-cli
            "io.switchboard.cli.SwitchboardCli",
            "io.switchboard.sandbox.VendorEmulator",        // the emulators: switchboard-sandbox, switchboard-testing
            "io.switchboard.testing.EmbeddedSandbox",
            "org.slf4j.simple.SimpleLogger"})               // a logging backend is the application's choice
    void theLibraryBringsNoCliNoEmulatorNoLoggingBackend(String className) {
        assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noSlf4jProviderIsBound() {
        assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(p -> p.type().getName()).toList())
                .isEmpty();
    }

    @Test
    void oneOkio() throws IOException {
        List<URL> buffers = Collections.list(getClass().getClassLoader().getResources("okio/Buffer.class"));
        // okio's multiplatform metadata jar (which OkHttp asks for) carries this file too: it must be excluded
        List<URL> kotlinMetadata = Collections.list(
                getClass().getClassLoader().getResources("META-INF/okio.kotlin_module"));

        assertThat(buffers).hasSize(1);
        assertThat(buffers.get(0).toString()).contains("/okio-jvm-");
        assertThat(kotlinMetadata).hasSize(1);
    }
}
