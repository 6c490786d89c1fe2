package io.switchboard.sandbox.archfixture;

import io.switchboard.domain.PhoneNumber;

/** Deliberately bad: an emulator that reuses the domain's parsing. Only for ArchitectureRulesCanFailTest. */
public final class EmulatorSharingDomain {
    final PhoneNumber number = PhoneNumber.parse("+14155552671");
}
