package io.switchboard.adapters.acme.archfixture;

/** Deliberately bad: an adapter's HTTP plumbing made public. Only for ArchitectureRulesCanFailTest. */
public final class AcmeHttp {
}
