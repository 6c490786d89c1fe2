package io.switchboard.adapters.twilio.archfixture;

import io.switchboard.adapters.plivo.archfixture.PlivoThing;

/** Deliberately bad: an adapter that uses another adapter and a cache library. Only for ArchitectureRulesCanFailTest. */
public final class TwilioThing {
    final PlivoThing plivo = new PlivoThing();
    final com.github.benmanes.caffeine.cache.Cache<String, String> cache = null;
}
