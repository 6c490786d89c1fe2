package io.switchboard.guice.archfixture;

import io.switchboard.sandbox.archfixture.EmulatorSharingDomain;
import picocli.CommandLine;

/**
 * Deliberately bad: library wiring that reaches an emulator and parses command lines, both of which belong to the
 * testing and command-line modules. Only for ArchitectureRulesCanFailTest.
 */
public final class WiringThatStartsEmulators {
    final EmulatorSharingDomain emulator = null;
    final CommandLine parser = null;
}
