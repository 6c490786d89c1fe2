package io.switchboard.domain.archfixture.cycle.a;

/** Deliberately bad: half of a package cycle. Only for ArchitectureRulesCanFailTest. */
public final class A {
    final io.switchboard.domain.archfixture.cycle.b.B b = null;
}
