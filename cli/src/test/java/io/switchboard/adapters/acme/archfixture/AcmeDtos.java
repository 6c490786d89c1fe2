package io.switchboard.adapters.acme.archfixture;

/** Deliberately bad: wire records reachable from outside the adapter. Only for ArchitectureRulesCanFailTest. */
public final class AcmeDtos {

    public record MessageDto(String id) {
    }
}
