package io.switchboard.adapters.acme.archfixture;

/** Deliberately bad: an adapter's configuration that callers cannot build. Only for ArchitectureRulesCanFailTest. */
final class AcmeConfig {
}
