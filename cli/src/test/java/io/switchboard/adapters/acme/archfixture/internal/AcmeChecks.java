package io.switchboard.adapters.acme.archfixture.internal;

/** An adapter's internal helper, public only for its own packages. Only for ArchitectureRulesCanFailTest. */
public final class AcmeChecks {

    public static String text(String value) {
        return value;
    }
}
