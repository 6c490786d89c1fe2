package io.switchboard.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static org.assertj.core.api.Assertions.assertThat;

/** Applies every architecture rule to the production classes of all modules (the command-line module sees them all). */
@AnalyzeClasses(packages = "io.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modules_depend_in_one_direction = ArchitectureRules.modules_depend_in_one_direction;
    @ArchTest
    static final ArchRule domain_uses_only_the_jdk_and_libphonenumber =
            ArchitectureRules.domain_uses_only_the_jdk_and_libphonenumber;
    @ArchTest
    static final ArchRule application_uses_only_its_libraries = ArchitectureRules.application_uses_only_its_libraries;
    @ArchTest
    static final ArchRule adapters_use_only_their_http_stack = ArchitectureRules.adapters_use_only_their_http_stack;
    @ArchTest
    static final ArchRule adapters_do_not_know_each_other = ArchitectureRules.adapters_do_not_know_each_other;
    @ArchTest
    static final ArchRule sandbox_uses_only_the_jdk_and_moshi = ArchitectureRules.sandbox_uses_only_the_jdk_and_moshi;
    @ArchTest
    static final ArchRule only_the_library_wiring_uses_guice = ArchitectureRules.only_the_library_wiring_uses_guice;
    @ArchTest
    static final ArchRule the_library_carries_no_cli_parser_and_no_logging_backend =
            ArchitectureRules.the_library_carries_no_cli_parser_and_no_logging_backend;
    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.no_package_cycles;
    @ArchTest
    static final ArchRule ports_are_interfaces = ArchitectureRules.ports_are_interfaces;
    @ArchTest
    static final ArchRule domain_values_are_immutable = ArchitectureRules.domain_values_are_immutable;
    @ArchTest
    static final ArchRule each_adapter_has_one_public_connector_named_after_its_vendor =
            ArchitectureRules.each_adapter_has_one_public_connector_named_after_its_vendor;
    @ArchTest
    static final ArchRule each_adapter_has_a_public_config = ArchitectureRules.each_adapter_has_a_public_config;
    @ArchTest
    static final ArchRule each_connector_reaches_its_vendor_api_through_api =
            ArchitectureRules.each_connector_reaches_its_vendor_api_through_api;
    @ArchTest
    static final ArchRule adapter_plumbing_is_not_public = ArchitectureRules.adapter_plumbing_is_not_public;
    @ArchTest
    static final ArchRule ports_are_implemented_alike_in_every_adapter =
            ArchitectureRules.ports_are_implemented_alike_in_every_adapter;
    @ArchTest
    static final ArchRule adapter_apis_have_no_get_prefixes = ArchitectureRules.adapter_apis_have_no_get_prefixes;
    @ArchTest
    static final ArchRule adapter_internals_stay_in_their_adapter =
            ArchitectureRules.adapter_internals_stay_in_their_adapter;

    /** The template rules check each vendor they find; this makes sure they find all three. */
    @ArchTest
    static void theTemplateRulesSeeEveryVendorAdapter(JavaClasses classes) {
        assertThat(AdapterTemplate.vendors(classes)).as("vendor adapters among the imported classes")
                .contains("plivo", "telnyx", "twilio");
    }
}
