package io.switchboard.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Proves that each rule can fail: applied to the deliberately bad classes in the {@code archfixture} packages of this
 * module's test sources, every rule reports the violation it exists for.
 */
class ArchitectureRulesCanFailTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(
            "io.switchboard.domain.archfixture", "io.switchboard.domain.port.archfixture",
            "io.switchboard.application.archfixture", "io.switchboard.adapters.twilio.archfixture",
            "io.switchboard.adapters.plivo.archfixture", "io.switchboard.adapters.http.archfixture",
            "io.switchboard.sandbox.archfixture",
            "io.switchboard.bootstrap.archfixture");

    static Stream<Arguments> rulesAndTheViolationTheyMustReport() {
        return Stream.of(
                arguments("application -> adapter", ArchitectureRules.modules_depend_in_one_direction,
                        "RoutingThatCallsTwilio"),
                arguments("adapter -> application", ArchitectureRules.modules_depend_in_one_direction,
                        "TwilioThatRoutes"),
                arguments("sandbox -> domain", ArchitectureRules.modules_depend_in_one_direction,
                        "EmulatorSharingDomain"),
                arguments("domain -> Guice", ArchitectureRules.domain_uses_only_the_jdk_and_libphonenumber,
                        "com.google.inject.Inject"),
                arguments("application -> OkHttp", ArchitectureRules.application_uses_only_its_libraries,
                        "okhttp3.OkHttpClient"),
                arguments("adapter -> Caffeine", ArchitectureRules.adapters_use_only_their_http_stack,
                        "com.github.benmanes.caffeine"),
                arguments("twilio -> plivo", ArchitectureRules.adapters_do_not_know_each_other, "PlivoThing"),
                arguments("adapters-http -> plivo", ArchitectureRules.adapters_do_not_know_each_other,
                        "HttpThatKnowsPlivo"),
                arguments("sandbox -> domain class", ArchitectureRules.sandbox_uses_only_the_jdk_and_moshi,
                        "io.switchboard.domain.PhoneNumber"),
                arguments("Guice outside bootstrap", ArchitectureRules.only_bootstrap_uses_guice, "GuicyValue"),
                arguments("package cycle", ArchitectureRules.no_package_cycles, "cycle.a.A"),
                arguments("port as a class", ArchitectureRules.ports_are_interfaces, "ConcretePort"),
                arguments("mutable domain field", ArchitectureRules.domain_values_are_immutable, "GuicyValue.mutable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheViolationTheyMustReport")
    void ruleReportsTheDeliberateViolation(String name, ArchRule rule, String expected) {
        EvaluationResult result = rule.evaluate(FIXTURES);

        assertThat(result.hasViolation()).as("rule %s found no violation", name).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(expected);
    }

    @Test
    void aRuleThatMatchesNoClassFailsInsteadOfPassing() {
        JavaClasses unrelated = new ClassFileImporter().importClasses(String.class);

        assertThatThrownBy(() -> ArchitectureRules.ports_are_interfaces.check(unrelated))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
        assertThatThrownBy(() -> ArchitectureRules.modules_depend_in_one_direction.check(unrelated))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("empty");
    }
}
