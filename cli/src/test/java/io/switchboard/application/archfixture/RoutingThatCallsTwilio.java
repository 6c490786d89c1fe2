package io.switchboard.application.archfixture;

import io.switchboard.adapters.twilio.archfixture.TwilioThing;

/** Deliberately bad: application code that knows an adapter and an HTTP client. Only for ArchitectureRulesCanFailTest. */
public final class RoutingThatCallsTwilio {
    final TwilioThing twilio = new TwilioThing();
    final okhttp3.OkHttpClient http = null;
}
