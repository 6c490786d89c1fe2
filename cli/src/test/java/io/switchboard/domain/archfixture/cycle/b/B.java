package io.switchboard.domain.archfixture.cycle.b;

/** Deliberately bad: the other half of a package cycle. Only for ArchitectureRulesCanFailTest. */
public final class B {
    final io.switchboard.domain.archfixture.cycle.a.A a = null;
}
