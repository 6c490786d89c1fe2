package io.switchboard.domain.port.archfixture;

/** Deliberately bad: a port that is a class. Only for ArchitectureRulesCanFailTest. */
public final class ConcretePort {
}
