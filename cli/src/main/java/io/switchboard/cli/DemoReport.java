package io.switchboard.cli;

import io.switchboard.application.Attempt;
import io.switchboard.application.AttemptOutcome;
import io.switchboard.application.Delivery;
import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.application.lifecycle.SendRecord;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;
import io.switchboard.domain.Vendor;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.SmsText;
import io.switchboard.sandbox.Ledger;
import io.switchboard.sandbox.LedgerEntry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the demo did, tallied from the deliveries, and the check against the emulators' ledger: every message sent is
 * in the ledger exactly once, where the delivery says; no message reported not sent was accepted; no message was
 * accepted twice; nothing is in the ledger that the demo did not send; every message has an outcome.
 */
final class DemoReport {

    /**
     * Per account: messages it was the cheapest for, messages sent through it, messages that were cheapest on it but
     * failed over to another account, and spend as quoted by routing and as billed by the emulator.
     */
    static final class AccountLine {
        long cheapestFor;
        long sent;
        long failedOverFrom;
        Money quoted;
        BigDecimal billed = BigDecimal.ZERO;
        String currency = "USD";
    }

    final int messages;
    final int half;
    final AccountId outage;
    final long outageShareOfFirstHalf;
    final Map<String, Long> countries = new TreeMap<>();
    final Map<String, Long> encodings = new TreeMap<>();
    final Map<AccountId, AccountLine> accounts = new TreeMap<>();
    /** "from -> to" to why the cheapest account did not take the message, and how often. */
    final Map<String, Map<String, Long>> failovers = new TreeMap<>();
    final List<String> notSent = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    long failedOver;
    long sent;
    int ledgerMessages;
    final Filtering filtering;
    /** After acceptance, from the delivery records: final status of each sent message's last send. */
    long delivered;
    long undelivered;
    long waiting;
    /** Messages sent again through another provider after carrier filtering, and how many of those arrived. */
    long resent;
    long deliveredAfterResend;
    /** Per account, what the emulators billed for re-sends (kept apart from the first sends' spend). */
    final Map<AccountId, BigDecimal> resendBilled = new TreeMap<>();

    /** The carrier filtering the demo scripts: {@code account} answers every send to {@code country} undelivered. */
    record Filtering(AccountId account, String country, String errorCode) {
    }

    /**
     * @param cheapest per message, the account that quoted it cheapest with every account healthy (null: none)
     * @param outageBreaker the state of the outage account's circuit breaker at the end
     */
    DemoReport(List<MessageRequest> requests, AtomicReferenceArray<Delivery> deliveries, List<AccountId> cheapest,
            int half, AccountId outage, long outageShareOfFirstHalf, String outageBreaker, List<AccountId> configured,
            Ledger ledger, Filtering filtering, Map<Integer, DeliveryRecord> records) {
        this.messages = requests.size();
        this.filtering = filtering;
        this.half = half;
        this.outage = outage;
        this.outageShareOfFirstHalf = outageShareOfFirstHalf;
        configured.forEach(account -> accounts.put(account, new AccountLine()));
        for (int i = 0; i < messages; i++) {
            MessageRequest request = requests.get(i);
            countries.merge(request.to().regionCode(), 1L, Long::sum);
            SmsText text = request.smsText();
            encodings.merge(text.encoding().label()
                    + (text.segmentCount() > 1 ? " multi-part" : " single"), 1L, Long::sum);
            tally(i + 1, deliveries.get(i), cheapest.get(i), outageBreaker);
        }
        Set<String> resendIds = new HashSet<>();
        records.values().forEach(r -> r.sends().stream().skip(1).forEach(send -> send.vendorId()
                .ifPresent(id -> resendIds.add(send.account().vendor().name() + "|" + id))));
        for (LedgerEntry entry : ledger.messages()) {
            AccountId account = AccountId.of(Vendor.of(entry.vendor()), AccountId.DEFAULT_NAME);
            if (resendIds.contains(entry.vendor() + "|" + entry.id())) {
                resendBilled.merge(account, new BigDecimal(entry.price()), BigDecimal::add);
                continue;
            }
            AccountLine line = accounts.computeIfAbsent(account, a -> new AccountLine());
            line.billed = line.billed.add(new BigDecimal(entry.price()));
            line.currency = entry.currency();
        }
        tallyRecords(records);
        check(requests, deliveries, ledger, records);
        if (waiting > 0) {
            problems.add(waiting + " sent message(s) have no final status: their callbacks never came");
        }
    }

    private void tally(int number, Delivery delivery, AccountId cheapest, String outageBreaker) {
        if (cheapest != null) {
            line(cheapest).cheapestFor++;
        }
        if (delivery == null) {
            return;
        }
        if (delivery instanceof Delivery.Sent s) {
            sent++;
            AccountLine line = line(s.account());
            line.sent++;
            s.quote().ifPresent(q -> line.quoted = line.quoted == null ? q.total() : line.quoted.plus(q.total()));
            if (cheapest != null && !cheapest.equals(s.account())) {
                failedOver++;
                line(cheapest).failedOverFrom++;
                String why = s.attempts().stream().filter(a -> a.account().equals(cheapest)).findFirst()
                        .map(DemoReport::reason)
                        .orElse("OPEN".equals(outageBreaker) && cheapest.equals(outage)
                                ? "not tried: circuit breaker open" : "not tried: left out of the plan");
                failovers.computeIfAbsent(cheapest + " -> " + s.account(), k -> new TreeMap<>())
                        .merge(why, 1L, Long::sum);
            }
        } else if (delivery instanceof Delivery.NotSent n) {
            notSent.add("message " + number + ": " + n.failure());
        } else if (delivery instanceof Delivery.OutcomeUnknown u) {
            unknown.add("message " + number + " on " + u.account() + ": " + u.failure().message());
        }
    }

    private AccountLine line(AccountId account) {
        return accounts.computeIfAbsent(account, a -> new AccountLine());
    }

    private static String reason(Attempt attempt) {
        if (attempt.outcome() == AttemptOutcome.SKIPPED_CIRCUIT_OPEN) {
            return "skipped: circuit breaker open";
        }
        return attempt.failure().map(f -> f.httpStatus().isPresent()
                ? "tried: HTTP " + f.httpStatus().getAsInt() + " " + f.kind() : "tried: " + f.kind())
                .orElse(attempt.outcome().name());
    }

    private void tallyRecords(Map<Integer, DeliveryRecord> records) {
        for (DeliveryRecord record : records.values()) {
            MessageStatus status = record.status().orElse(MessageStatus.UNKNOWN);
            if (!record.isFinal()) {
                waiting++;
            } else if (status == MessageStatus.DELIVERED) {
                delivered++;
            } else {
                undelivered++;
            }
            if (record.resends() > 0) {
                resent++;
                if (status == MessageStatus.DELIVERED) {
                    deliveredAfterResend++;
                }
            }
        }
    }

    private void check(List<MessageRequest> requests, AtomicReferenceArray<Delivery> deliveries, Ledger ledger,
            Map<Integer, DeliveryRecord> records) {
        Set<String> demo = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            MessageRequest request = requests.get(i);
            String to = request.to().e164();
            demo.add(to + "\n" + request.text());
            long accepted = ledger.acceptances(to, request.text());
            Delivery delivery = deliveries.get(i);
            String which = "message " + (i + 1);
            if (delivery == null) {
                problems.add(which + " has no outcome: it was lost");
            } else if (delivery instanceof Delivery.Sent s) {
                checkSend(which, s.account(), s.vendorId(), to, request.text(), ledger);
                DeliveryRecord record = records.get(i);
                long sends = 1;
                if (record == null) {
                    problems.add(which + " was sent but has no delivery record");
                } else {
                    // Each re-send is one more acceptance, where the record says, and only after a route failure.
                    for (SendRecord resend : record.sends().subList(1, record.sends().size())) {
                        if (resend.vendorId().isPresent()) {
                            checkSend(which + "'s re-send", resend.account(), resend.vendorId().get(), to,
                                    request.text(), ledger);
                            sends++;
                        }
                    }
                    if (record.resends() > 0 && record.sends().get(0).errorClass() != ErrorClass.ROUTE) {
                        problems.add(which + " was re-sent after a " + record.sends().get(0).errorClass()
                                + " error, which no other provider can fix");
                    }
                }
                if (accepted != sends) {
                    problems.add(which + " was accepted " + accepted + " times for " + sends + " send(s)");
                }
            } else if (delivery instanceof Delivery.NotSent n) {
                if (accepted != 0) {
                    problems.add(which + " is reported not sent but was accepted " + accepted + " time(s)");
                }
                if (n.failure().message().isBlank()) {
                    problems.add(which + " is reported not sent without a reason");
                }
            } else if (accepted > 1) {
                problems.add(which + " has an unknown outcome but was accepted " + accepted + " times");
            }
        }
        List<LedgerEntry> entries = ledger.messages();
        ledgerMessages = entries.size();
        for (LedgerEntry entry : entries) {
            if (!demo.contains(entry.to() + "\n" + entry.text())) {
                problems.add("the ledger holds " + entry.vendor() + " message " + entry.id()
                        + " that the demo never sent");
            }
        }
    }

    private void checkSend(String which, AccountId account, String vendorId, String to, String text, Ledger ledger) {
        Optional<LedgerEntry> entry = ledger.find(account.vendor().name(), vendorId);
        if (entry.isEmpty()) {
            problems.add(which + " was sent through " + account + " as " + vendorId
                    + ", which its emulator's ledger does not hold");
        } else if (!entry.get().to().equals(to) || !Objects.equals(entry.get().text(), text)) {
            problems.add(which + ": the ledger's " + vendorId + " is another message");
        }
    }

    boolean ok() {
        return problems.isEmpty();
    }
}
