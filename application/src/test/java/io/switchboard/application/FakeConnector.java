package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.port.PricingPort;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.port.SendCapabilities;
import io.switchboard.domain.port.VoicePort;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A provider account whose ports follow a script: each send or call takes the next step (accept, or throw), and the
 * default step once the script is used up. Every request is kept, so tests can count vendor calls.
 */
final class FakeConnector implements ProviderConnector {

    private final AccountId account;
    private final MutableClock clock;
    private final Deque<Supplier<RuntimeException>> script = new ArrayDeque<>();
    private Supplier<RuntimeException> otherwise = () -> null;
    private Duration latency = Duration.ZERO;
    private boolean messaging = true;
    private boolean voice = true;
    private Optional<RateLimit> declaredLimit = Optional.empty();
    private SendCapabilities accepts = SendCapabilities.PERMISSIVE;
    private Map<String, List<RateDeck.Entry>> prices;
    final List<MessageRequest> sent = new ArrayList<>();
    /** What the vendor holds, by id: messages it accepted (also those whose answer was lost). */
    final Map<String, Message> stored = new ConcurrentHashMap<>();
    private int loseAnswers;
    final List<CallRequest> placed = new ArrayList<>();
    final Map<String, Integer> pricingCalls = new ConcurrentHashMap<>();

    FakeConnector(String account, MutableClock clock) {
        this.account = AccountId.parse(account);
        this.clock = clock;
    }

    /** The next vendor calls fail with these kinds, in order. */
    FakeConnector failing(FailureKind... kinds) {
        for (FailureKind kind : kinds) {
            script.add(() -> new SwitchboardException(Failure.of(kind, "scripted " + kind)));
        }
        return this;
    }

    FakeConnector failingWith(Failure failure) {
        script.add(() -> new SwitchboardException(failure));
        return this;
    }

    /** The next send is accepted by the vendor, but its answer is lost (a read timeout): outcome unknown. */
    FakeConnector losingAnswer() {
        loseAnswers++;
        return this;
    }

    /** Sets the status the vendor reports for a stored message (what a read-back sees). */
    void vendorStatus(String id, MessageStatus status, String errorCode) {
        Message m = stored.get(id);
        stored.put(id, new Message(m.id(), m.account(), m.channel(), m.from(), m.to(), m.text(), m.direction(),
                status, status.name().toLowerCase(java.util.Locale.ROOT), m.segments(), m.price(), m.createdAt(),
                m.sentAt(), Optional.ofNullable(errorCode), Optional.empty()));
    }

    /** The next vendor call throws something that is not ours. */
    FakeConnector crashing() {
        script.add(() -> new IllegalStateException("socket closed"));
        return this;
    }

    /** Every call once the script is spent fails with {@code kind}. */
    FakeConnector alwaysFailing(FailureKind kind) {
        otherwise = () -> new SwitchboardException(Failure.of(kind, "always " + kind));
        return this;
    }

    FakeConnector taking(Duration callLatency) {
        this.latency = callLatency;
        return this;
    }

    FakeConnector withoutMessaging() {
        messaging = false;
        return this;
    }

    FakeConnector withoutVoice() {
        voice = false;
        return this;
    }

    /** Declares what the account accepts (channels, inline markup, text limits); everything by default. */
    FakeConnector accepting(SendCapabilities capabilities) {
        accepts = capabilities;
        return this;
    }

    @Override
    public SendCapabilities sendCapabilities() {
        return accepts;
    }

    FakeConnector declaring(RateLimit limit) {
        declaredLimit = Optional.of(limit);
        return this;
    }

    /** A pricing port answering these entries per country (ISO), counting calls. */
    FakeConnector pricing(Map<String, List<RateDeck.Entry>> byCountry) {
        this.prices = byCountry;
        return this;
    }

    int vendorCalls() {
        return sent.size() + placed.size();
    }

    int pricingRequests() {
        return pricingCalls.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void step() {
        clock.advance(latency);
        Supplier<RuntimeException> next = script.isEmpty() ? otherwise : script.poll();
        RuntimeException failure = next.get();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public AccountId account() {
        return account;
    }

    @Override
    public Optional<MessagingPort> messaging() {
        if (!messaging) {
            return Optional.empty();
        }
        return Optional.of(new MessagingPort() {
            @Override
            public Message send(MessageRequest request) {
                sent.add(request);
                Message message = new Message(account.name() + "-msg-" + sent.size(), account, request.channel(),
                        request.from().value(), request.to().e164(), request.text(), Direction.OUTBOUND,
                        MessageStatus.QUEUED, "queued", null, null, Optional.of(clock.instant()), null, null, null);
                if (loseAnswers > 0) {
                    // The vendor keeps the message; its answer never arrives.
                    loseAnswers--;
                    stored.put(message.id(), message);
                    throw new SwitchboardException(Failure.of(FailureKind.OUTCOME_UNKNOWN, "read timed out"));
                }
                step();
                stored.put(message.id(), message);
                return message;
            }

            @Override
            public Message get(String id) {
                Message message = stored.get(id);
                if (message == null) {
                    throw new SwitchboardException(Failure.of(FailureKind.NOT_FOUND, "no message " + id));
                }
                return message;
            }

            @Override
            public Page<Message> list(MessageQuery query, PageRequest page) {
                return Page.last(stored.values().stream()
                        .filter(m -> query.to().map(m.to()::equals).orElse(true))
                        .toList());
            }
        });
    }

    @Override
    public Optional<VoicePort> voice() {
        if (!voice) {
            return Optional.empty();
        }
        return Optional.of(new VoicePort() {
            @Override
            public Call place(CallRequest request) {
                placed.add(request);
                step();
                return new Call(account.name() + "-call-" + placed.size(), account, request.from().value(),
                        request.to().e164(), null, null, "queued", null, null, null, null);
            }

            @Override
            public Call get(String id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<Call> list(CallQuery query, PageRequest page) {
                throw new UnsupportedOperationException();
            }
        });
    }

    @Override
    public Optional<PricingPort> pricing() {
        if (prices == null) {
            return Optional.empty();
        }
        return Optional.of((String country, Product product) -> {
            pricingCalls.merge(country + "/" + product, 1, Integer::sum);
            List<RateDeck.Entry> entries = prices.get(country);
            if (entries == null) {
                throw new SwitchboardException(Failure.of(FailureKind.DESTINATION_NOT_SUPPORTED,
                        "no prices for " + country));
            }
            return entries;
        });
    }

    @Override
    public Optional<RateLimit> declaredRateLimit() {
        return declaredLimit;
    }
}
