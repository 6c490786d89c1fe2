package io.switchboard.adapters.twilio.archfixture;

/** Deliberately bad: an adapter that reaches into the application layer. Only for ArchitectureRulesCanFailTest. */
public final class TwilioThatRoutes {
    final io.switchboard.application.archfixture.RoutingThatCallsTwilio routing = null;
}
