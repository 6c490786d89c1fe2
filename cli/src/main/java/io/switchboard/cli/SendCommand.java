package io.switchboard.cli;

import io.switchboard.application.Delivery;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.pricing.Product;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code send}: one message, routed to the cheapest account that can take it, with failover. */
@Command(name = "send", description = {"Sends one message through the cheapest account that can take it, failing "
        + "over to the next one when it cannot; --account pins one account.",
        "Exit 0 when sent, 3 when not sent, 4 when the outcome is unknown (never sent twice)."})
final class SendCommand extends CliCommand {

    @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "Destination, E.164 (+447700900001).")
    PhoneNumber to;

    @Option(names = "--text", paramLabel = "TEXT", description = "The message text.")
    String text;

    @Option(names = "--from", paramLabel = "SENDER",
            description = "A number (+...), a sender pool name or a sender ID; default: the only sender pool.")
    String from;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Send only through this account (twilio:work).")
    AccountId account;

    @Option(names = "--media", paramLabel = "URL", description = "Media to attach (makes it an MMS unless --channel).")
    List<URI> media = new ArrayList<>();

    @Option(names = "--channel", paramLabel = "CHANNEL", description = "SMS, MMS or WHATSAPP (default: SMS, MMS with media).")
    Channel channel;

    @Option(names = "--reference", paramLabel = "KEY", description = "Client reference (idempotency key). Switchboard "
            + "deduplicates it within one process only: two runs of this command with the same key send twice.")
    String reference;

    @Override
    public Integer call() {
        if ((text == null || text.isEmpty()) && media.isEmpty()) {
            throw CliException.usage("'--text' is required (or '--media' with --channel MMS or WHATSAPP)");
        }
        try (Session session = session()) {
            MessageRequest request = request(session);
            RoutingPolicy policy = session.policy(account);
            session.warmUp(List.of(to), Product.of(request.channel()));
            Delivery delivery = session.switchboard().messages().send(request, policy);
            return report(output(), delivery, "message to " + to.e164());
        }
    }

    private MessageRequest request(Session session) {
        Channel chosen = channel != null ? channel : media.isEmpty() ? Channel.SMS : Channel.MMS;
        try {
            return new MessageRequest(to, session.sender(from), text == null ? "" : text, media, chosen,
                    Optional.empty(), Optional.ofNullable(reference));
        } catch (SwitchboardException e) {
            throw CliException.usage(e.failure().message());
        }
    }

    /**
     * Prints a delivery and answers its exit code; shared with {@code call}. A delivery that failed is said once: in
     * the table view on stdout, or with {@code --json} (stdout holds only the document) on stderr.
     */
    static int report(Output output, Delivery delivery, String what) {
        if (output.isJson()) {
            output.json(JsonViews.delivery(delivery));
            if (delivery instanceof Delivery.NotSent notSent) {
                output.note("not sent: " + notSent.failure());
            } else if (delivery instanceof Delivery.OutcomeUnknown unknown) {
                output.note("outcome unknown on " + unknown.account() + ": " + unknown.failure().message());
            }
        } else {
            output.delivery(delivery, what);
        }
        if (delivery instanceof Delivery.NotSent) {
            return ExitCodes.NOT_SENT;
        }
        if (delivery instanceof Delivery.OutcomeUnknown) {
            return ExitCodes.OUTCOME_UNKNOWN;
        }
        return ExitCodes.OK;
    }
}
