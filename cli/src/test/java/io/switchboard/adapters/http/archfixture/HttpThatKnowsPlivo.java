package io.switchboard.adapters.http.archfixture;

import io.switchboard.adapters.plivo.archfixture.PlivoThing;

/**
 * Deliberately bad: shared adapter plumbing that uses one vendor's adapter. Adapters may use adapters-http, never
 * the other way round. Only for ArchitectureRulesCanFailTest.
 */
public final class HttpThatKnowsPlivo {
    final PlivoThing plivo = new PlivoThing();
}
