package io.switchboard.guice.archfixture;

/** A harmless bootstrap class so that every layer of the fixture set is populated. Only for ArchitectureRulesCanFailTest. */
public final class Wiring {
    final io.switchboard.application.archfixture.RoutingThatCallsTwilio routing = null;
}
