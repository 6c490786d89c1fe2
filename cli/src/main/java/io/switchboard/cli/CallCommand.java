package io.switchboard.cli;

import io.switchboard.application.Delivery;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.pricing.Product;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code call}: one call, routed to the cheapest voice account, with failover. */
@Command(name = "call", description = {"Places one call through the cheapest voice account, failing over like send; "
        + "--account pins one account.", "Exit 0 when placed, 3 when not placed, 4 when the outcome is unknown."})
final class CallCommand extends CliCommand {

    @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "Number to call, E.164.")
    PhoneNumber to;

    @Option(names = "--from", paramLabel = "SENDER",
            description = "A number (+...) or a sender pool name; default: the only sender pool.")
    String from;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Call only through this account.")
    AccountId account;

    @ArgGroup(multiplicity = "1")
    Instructions instructions;

    /** What the call does when answered: a URL the vendor fetches, or markup given inline. */
    static final class Instructions {
        @Option(names = "--url", paramLabel = "URL", description = "Answer URL returning the vendor's call markup.")
        String url;

        @Option(names = "--markup", paramLabel = "XML", description = "Call markup given inline (TwiML, Plivo XML).")
        String markup;
    }

    @Override
    public Integer call() {
        try (Session session = session()) {
            CallRequest request;
            try {
                CallInstructions what = instructions.url != null ? CallInstructions.url(instructions.url)
                        : CallInstructions.markup(instructions.markup);
                request = CallRequest.of(to, session.sender(from), what);
            } catch (SwitchboardException e) {
                throw CliException.usage(e.failure().message());
            }
            session.warmUp(List.of(to), Product.VOICE);
            Delivery delivery = session.switchboard().calls().place(request, session.policy(account));
            return SendCommand.report(output(), delivery, "call to " + to.e164());
        }
    }
}
