package io.switchboard.adapters.twilio.archfixture;

import io.switchboard.adapters.acme.archfixture.internal.AcmeChecks;

/** Deliberately bad: an adapter that calls another adapter's internal helper. Only for ArchitectureRulesCanFailTest. */
public final class TwilioThatUsesAcmeInternals {
    final String checked = AcmeChecks.text("x");
}
