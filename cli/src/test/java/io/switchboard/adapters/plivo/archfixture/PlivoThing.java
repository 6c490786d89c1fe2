package io.switchboard.adapters.plivo.archfixture;

/** A harmless adapter class, the target of TwilioThing's bad dependency. Only for ArchitectureRulesCanFailTest. */
public final class PlivoThing {
}
