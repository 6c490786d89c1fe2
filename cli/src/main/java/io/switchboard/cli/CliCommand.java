package io.switchboard.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** A command of the program: reaches the global options and output through the root command. */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    SwitchboardCli root() {
        return (SwitchboardCli) spec.root().userObject();
    }

    Output output() {
        return root().output();
    }

    Session session() {
        return Session.open(root());
    }
}
