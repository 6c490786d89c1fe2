package io.switchboard.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
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
            "io.switchboard.adapters.acme.archfixture",
            "io.switchboard.sandbox.archfixture",
            "io.switchboard.guice.archfixture");

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
                arguments("library -> emulator", ArchitectureRules.modules_depend_in_one_direction,
                        "WiringThatStartsEmulators"),
                arguments("library -> command-line parser",
                        ArchitectureRules.the_library_carries_no_cli_parser_and_no_logging_backend, "picocli.CommandLine"),
                arguments("Guice outside the library", ArchitectureRules.only_the_library_wiring_uses_guice,
                        "GuicyValue"),
                arguments("package cycle", ArchitectureRules.no_package_cycles, "cycle.a.A"),
                arguments("port as a class", ArchitectureRules.ports_are_interfaces, "ConcretePort"),
                arguments("mutable domain field", ArchitectureRules.domain_values_are_immutable, "GuicyValue.mutable"),
                // the adapter template: acme is a fourth vendor that breaks each rule once; the plivo and twilio
                // fixture packages are vendors with nothing but a stray class in them
                arguments("second connector",
                        ArchitectureRules.each_adapter_has_one_public_connector_named_after_its_vendor,
                        "acme.archfixture.AcmeClient implements ProviderConnector"),
                arguments("adapter without connector",
                        ArchitectureRules.each_adapter_has_one_public_connector_named_after_its_vendor,
                        "adapter plivo has 0 ProviderConnector implementations"),
                arguments("package-private config", ArchitectureRules.each_adapter_has_a_public_config,
                        "acme.archfixture.AcmeConfig is not public"),
                arguments("adapter without config", ArchitectureRules.each_adapter_has_a_public_config,
                        "adapter twilio has no TwilioConfig"),
                arguments("vendor API as acme()", ArchitectureRules.each_connector_reaches_its_vendor_api_through_api,
                        "acme.archfixture.AcmeConnector has no public api() returning the adapter's public AcmeApi"),
                arguments("public HTTP", ArchitectureRules.adapter_plumbing_is_not_public,
                        "acme.archfixture.AcmeHttp is public"),
                arguments("public nested DTO", ArchitectureRules.adapter_plumbing_is_not_public,
                        "acme.archfixture.AcmeDtos$MessageDto is public"),
                arguments("public Retrofit interface", ArchitectureRules.adapter_plumbing_is_not_public,
                        "acme.archfixture.AcmeEndpoints is public"),
                arguments("adapter without plumbing", ArchitectureRules.adapter_plumbing_is_not_public,
                        "adapter plivo has no class named"),
                arguments("port class misnamed", ArchitectureRules.ports_are_implemented_alike_in_every_adapter,
                        "AcmeMessages implements [MessagingPort]; a port is implemented by a class named "
                                + "AcmeMessaging"),
                arguments("public port class", ArchitectureRules.ports_are_implemented_alike_in_every_adapter,
                        "AcmeMessages implements [MessagingPort] but is not a package-private top-level class"),
                arguments("adapter without ports", ArchitectureRules.ports_are_implemented_alike_in_every_adapter,
                        "adapter twilio implements no port"),
                arguments("get prefix", ArchitectureRules.adapter_apis_have_no_get_prefixes, "AcmeApi.getBalance()"),
                arguments("internal used by another adapter", ArchitectureRules.adapter_internals_stay_in_their_adapter,
                        "TwilioThatUsesAcmeInternals uses "
                                + "io.switchboard.adapters.acme.archfixture.internal.AcmeChecks"));
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
        for (ArchRule templateRule : List.of(
                ArchitectureRules.each_adapter_has_one_public_connector_named_after_its_vendor,
                ArchitectureRules.each_adapter_has_a_public_config,
                ArchitectureRules.each_connector_reaches_its_vendor_api_through_api,
                ArchitectureRules.adapter_plumbing_is_not_public,
                ArchitectureRules.ports_are_implemented_alike_in_every_adapter,
                ArchitectureRules.adapter_apis_have_no_get_prefixes,
                ArchitectureRules.adapter_internals_stay_in_their_adapter)) {
            assertThatThrownBy(() -> templateRule.check(unrelated)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("failed to check any classes");
        }
        assertThatThrownBy(() -> ArchitectureRules.modules_depend_in_one_direction.check(unrelated))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("empty");
    }
}
