package io.switchboard.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of ARCHITECTURE.md's module table, as ArchUnit rules. Kept apart from the test that applies them so
 * that {@link ArchitectureRulesCanFailTest} can run each one against deliberately bad classes.
 */
final class ArchitectureRules {

    static final String DOMAIN = "io.switchboard.domain..";
    static final String APPLICATION = "io.switchboard.application..";
    static final String ADAPTERS = "io.switchboard.adapters..";
    static final String SANDBOX = "io.switchboard.sandbox..";
    /** The library an application adds (artifact switchboard, module bootstrap): the facade, its wiring, its config. */
    static final String[] LIBRARY = {"io.switchboard", "io.switchboard.config..", "io.switchboard.guice.."};
    static final String TESTING = "io.switchboard.testing..";
    /** A fleet's shared stores (modules state-postgres, state-redis): implementations of application interfaces. */
    static final String STATE = "io.switchboard.state..";
    static final String CLI = "io.switchboard.cli..";

    private ArchitectureRules() {
    }

    static final ArchRule modules_depend_in_one_direction = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy(DOMAIN)
            .layer("application").definedBy(APPLICATION)
            .layer("adapters").definedBy(ADAPTERS)
            .layer("sandbox").definedBy(SANDBOX)
            .layer("state").definedBy(STATE)
            .layer("library").definedBy(LIBRARY)
            .layer("testing").definedBy(TESTING)
            .layer("cli").definedBy(CLI)
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("testing").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("library").mayOnlyBeAccessedByLayers("testing", "cli")
            .whereLayer("application").mayOnlyBeAccessedByLayers("library", "state", "testing", "cli")
            .whereLayer("state").mayOnlyBeAccessedByLayers("library", "testing", "cli")
            .whereLayer("state").mayOnlyAccessLayers("application", "domain")
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("library", "testing", "cli")
            .whereLayer("sandbox").mayOnlyBeAccessedByLayers("testing", "cli")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "adapters", "state", "library", "testing",
                    "cli")
            .whereLayer("domain").mayNotAccessAnyLayer()
            .whereLayer("sandbox").mayNotAccessAnyLayer()
            .whereLayer("application").mayOnlyAccessLayers("domain")
            .whereLayer("adapters").mayOnlyAccessLayers("domain")
            .because("dependencies point inward: library -> application -> domain <- adapters, and the shared stores "
                    + "implement application interfaces beside the adapters; the emulators are an "
                    + "independent oracle whose bugs must not agree with ours, reached only by the testing module and "
                    + "the command-line program, never by the library an application ships");

    static final ArchRule the_library_carries_no_cli_parser_and_no_logging_backend = noClasses()
            .that().resideInAnyPackage(LIBRARY)
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.slf4j.simple..",
                    "ch.qos.logback..", "org.apache.logging.log4j.core..")
            .because("an application that adds the library chooses its own logging backend and has no use for "
                    + "a command-line parser");

    static final ArchRule domain_uses_only_the_jdk_and_libphonenumber = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "com.google.i18n.phonenumbers..")
            .because("the domain is pure: no framework and no I/O library");

    static final ArchRule application_uses_only_its_libraries = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..",
                    "com.github.benmanes.caffeine..", "io.micrometer..", "io.github.resilience4j..", "org.slf4j..",
                    "org.jspecify..", "javax.annotation..")
            .because("routing is built on Caffeine, Micrometer, Resilience4j and SLF4J, never on an HTTP client");

    static final ArchRule adapters_use_only_their_http_stack = classes()
            .that().resideInAPackage(ADAPTERS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(ADAPTERS, DOMAIN, "java..", "javax.crypto..",
                    "retrofit2..", "okhttp3..", "okio..", "com.squareup.moshi..", "org.slf4j..", "kotlin..")
            .because("an adapter is one vendor's HTTP client (Retrofit, Moshi, OkHttp) mapped onto the domain");

    /** OkHttp plumbing that every vendor adapter uses the same way (module adapters-http). */
    static final String ADAPTER_HTTP = "io.switchboard.adapters.http..";

    static final ArchRule adapters_do_not_know_each_other = slices()
            .matching("io.switchboard.adapters.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage(ADAPTER_HTTP))
            .because("each vendor adapter stands alone; what they share belongs in the domain, or, for HTTP "
                    + "plumbing, in adapters-http, which knows no vendor");

    static final ArchRule sandbox_uses_only_the_jdk_and_moshi = classes()
            .that().resideInAPackage(SANDBOX)
            .should().onlyDependOnClassesThat().resideInAnyPackage(SANDBOX, "java..", "javax..",
                    "com.sun.net.httpserver..", "com.squareup.moshi..", "okio..")
            .because("the emulators run on the JDK's HTTP server and must share no code with what they test");

    static final ArchRule only_the_library_wiring_uses_guice = noClasses()
            .that().resideOutsideOfPackages(LIBRARY)
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
                    "javax.inject..")
            .because("wiring is the library module's job; the domain, the routing core and the adapters stay usable "
                    + "without a DI container");

    static final ArchRule no_package_cycles = slices()
            .matching("io.switchboard.(**)")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one, whatever their names say");

    static final ArchRule ports_are_interfaces = classes()
            .that().resideInAPackage("io.switchboard.domain.port..")
            .and().haveSimpleNameEndingWith("Port")
            .should().beInterfaces()
            .because("a port is a contract that each adapter implements");

    static final ArchRule domain_values_are_immutable = fields()
            .that().areDeclaredInClassesThat().resideInAPackage(DOMAIN)
            .and().areDeclaredInClassesThat().haveSimpleNameNotEndingWith("Builder")
            .should().beFinal()
            .because("domain values are shared across threads and routing attempts without copying");

    // ---- the adapter template (docs/adapters/anatomy.md); AdapterTemplate says what a vendor adapter is

    private static final DescribedPredicate<JavaClass> IN_A_VENDOR_ADAPTER = DescribedPredicate.describe(
            "are in a vendor adapter (io.switchboard.adapters.<vendor>.., adapters-http aside)",
            c -> AdapterTemplate.vendorOf(c).isPresent());

    static final ArchRule each_adapter_has_one_public_connector_named_after_its_vendor = classes()
            .that(IN_A_VENDOR_ADAPTER)
            .should(AdapterTemplate.haveOnePublicConnectorNamedAfterTheirVendor())
            .because("bootstrap wires, and a reader finds, an account of any vendor the same way: through "
                    + "<Vendor>Connector.create(config, sharedHttp)");

    static final ArchRule each_adapter_has_a_public_config = classes()
            .that(IN_A_VENDOR_ADAPTER)
            .should(AdapterTemplate.haveAPublicConfig())
            .because("an account's settings are one immutable <Vendor>Config, built and checked before any request");

    static final ArchRule each_connector_reaches_its_vendor_api_through_api = classes()
            .that(IN_A_VENDOR_ADAPTER)
            .should(AdapterTemplate.offerTheirVendorApiThroughApi())
            .because("what only one vendor offers is reached the same way for every vendor: connector.api()");

    static final ArchRule adapter_plumbing_is_not_public = classes()
            .that(IN_A_VENDOR_ADAPTER)
            .should(AdapterTemplate.keepTheirPlumbingInsideTheirPackage())
            .because("the wire (HTTP, error tables, mapping, paging, DTOs, Retrofit interfaces) can change with the "
                    + "vendor's API without changing the library's");

    static final ArchRule ports_are_implemented_alike_in_every_adapter = classes()
            .that(IN_A_VENDOR_ADAPTER)
            .should(AdapterTemplate.implementEachPortInAPackagePrivateVendorCapabilityClass())
            .because("learning one adapter teaches all: TwilioMessaging, PlivoMessaging and TelnyxMessaging each "
                    + "implement MessagingPort, and callers reach them only through the connector's ports");

    static final ArchRule adapter_apis_have_no_get_prefixes = classes()
            .that(IN_A_VENDOR_ADAPTER)
            .should(AdapterTemplate.declareNoPublicGetPrefixedMethod())
            .because("accessors are named after what they answer (calls().get(uuid), config()), as in Retrofit and "
                    + "OkHttp");

    static final ArchRule adapter_internals_stay_in_their_adapter = classes()
            .that().resideInAPackage("io.switchboard.adapters..internal..")
            .should(AdapterTemplate.beUsedByTheirOwnAdapterAlone())
            .because("an adapter's internal package is public only to be shared among that adapter's packages "
                    + "(Plivo's values check their parameters with internal.PlivoChecks); it is not API");
}
