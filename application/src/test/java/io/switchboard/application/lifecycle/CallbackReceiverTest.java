package io.switchboard.application.lifecycle;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.callback.CallbackResult;
import io.switchboard.domain.callback.EventKind;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.callback.WebhookRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.port.CallbacksPort;
import io.switchboard.domain.port.ProviderConnector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver: account from the path, record from the query, nothing applied unless authentic and stored. */
class CallbackReceiverTest {

    private static final AccountId ACCOUNT = AccountId.parse("twilio:main");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static ProviderConnector connector(Function<WebhookRequest, CallbackResult> port) {
        return new ProviderConnector() {
            @Override
            public AccountId account() {
                return ACCOUNT;
            }

            @Override
            public Optional<CallbacksPort> callbacks() {
                return Optional.of(port::apply);
            }
        };
    }

    private static VendorEvent delivered(String id) {
        return VendorEvent.builder(EventKind.MESSAGE_STATUS, ACCOUNT).eventId("e-" + id).vendorId(id)
                .messageStatus(MessageStatus.DELIVERED, "delivered").occurredAt(Instant.EPOCH).build();
    }

    private CallbackReceiver.Receipt post(CallbackReceiver receiver, String url) {
        return receiver.receive("POST", url, Map.of("X-Test", List.of("1")), "a=b".getBytes());
    }

    @Test
    void theRecordNamedInTheUrlIsLinkedToTheEvent() {
        Lifecycle lifecycle = Lifecycle.builder().build();
        CallbackReceiver receiver = new CallbackReceiver(List.of(connector(r -> new CallbackResult.Accepted(
                List.of(delivered("SM1"))))), lifecycle, meters);

        CallbackReceiver.Receipt receipt = post(receiver, "https://h.example/base/twilio/main?record=order%2F7");

        assertThat(receipt.httpStatus()).isEqualTo(200);
        assertThat(receipt.events()).singleElement().satisfies(e -> assertThat(e.reference()).contains("order/7"));
        assertThat(receipt.results()).containsExactly(Lifecycle.Result.PARKED);
    }

    @Test
    void anUnknownAccountOrAMalformedUrlIsRefusedWithoutCallingAnAdapter() {
        CallbackReceiver receiver = new CallbackReceiver(List.of(connector(r -> {
            throw new AssertionError("not called");
        })), Lifecycle.builder().build(), meters);

        assertThat(post(receiver, "https://h.example/base/twilio/other").httpStatus()).isEqualTo(404);
        assertThat(post(receiver, "https://h.example/base/nexmo/main").httpStatus()).isEqualTo(404);
        assertThat(post(receiver, "https://h.example/%zz/twilio/main").refusal())
                .contains(CallbackResult.Refusal.BAD_REQUEST);
        assertThat(receiver.receive("POST", "https://h.example/twilio/main", Map.of(),
                new byte[WebhookRequest.MAX_BODY_BYTES + 1]).httpStatus()).isEqualTo(400);
    }

    @Test
    void anAdapterThatThrowsAppliesNothingAndIsAnsweredAsMalformed() {
        CallbackReceiver receiver = new CallbackReceiver(List.of(connector(r -> {
            throw new IllegalStateException("bug");
        })), Lifecycle.builder().build(), meters);

        assertThat(post(receiver, "https://h.example/twilio/main").refusal())
                .contains(CallbackResult.Refusal.MALFORMED);
    }

    @Test
    void anUnreachableRecordStoreIsAnswered503SoTheVendorRetries() {
        Lifecycle lifecycle = Lifecycle.builder().records(new DeliveryRecords() {
            @Override
            public boolean insert(DeliveryRecord record) {
                throw unavailable();
            }

            @Override
            public Optional<DeliveryRecord> get(String key) {
                throw unavailable();
            }

            @Override
            public Optional<String> keyOf(AccountId account, String vendorId) {
                throw unavailable();
            }

            @Override
            public Optional<DeliveryRecord> update(String key, java.util.function.UnaryOperator<DeliveryRecord> c) {
                throw unavailable();
            }

            @Override
            public List<DeliveryRecord> list(RecordQuery query) {
                throw unavailable();
            }

            @Override
            public boolean firstSight(String eventId) {
                throw unavailable();
            }
        }).build();
        CallbackReceiver receiver = new CallbackReceiver(List.of(connector(r -> new CallbackResult.Accepted(
                List.of(delivered("SM2"))))), lifecycle, meters);

        CallbackReceiver.Receipt receipt = post(receiver, "https://h.example/twilio/main?record=k");

        assertThat(receipt.httpStatus()).isEqualTo(503);
        assertThat(receipt.refusal()).contains(CallbackResult.Refusal.STORE_UNAVAILABLE);
        assertThat(meters.get("switchboard.callbacks.refused").tag("reason", "store_unavailable").counter().count())
                .isEqualTo(1.0);
    }

    private static SwitchboardException unavailable() {
        return new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE, "PostgreSQL state store unreachable"));
    }
}
