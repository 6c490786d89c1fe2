package io.switchboard;

import io.switchboard.application.Delivery;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BulkSenderTest {

    private static final AccountId ACCOUNT = AccountId.of(Vendor.TWILIO, "main");

    @Test
    void everyRequestIsAnsweredAndCountedWhateverASendOrTheCallbackThrows() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<Long, Delivery> answered = new ConcurrentHashMap<>();
            BulkSummary summary = new BulkSender(pool, 4).run(IntStream.range(0, 40).boxed().toList(), 4,
                    (index, delivery) -> {
                        answered.put(index, delivery);
                        if (index % 5 == 0) {
                            throw new IllegalStateException("the caller's callback failed");
                        }
                    },
                    i -> switch (i % 4) {
                        case 0 -> throw SwitchboardException.invalid("to", "is not a phone number");
                        case 1 -> throw new NullPointerException("a bug somewhere");
                        default -> new Delivery.Sent(ACCOUNT, "SM" + i, new SenderPool("main"), Optional.empty(),
                                Optional.empty(), Optional.empty(), List.of(), Optional.empty());
                    });

            assertThat(summary).isEqualTo(new BulkSummary(40, 20, 20, 0));
            assertThat(answered).hasSize(40);
            assertThat(answered.get(1L)).isInstanceOfSatisfying(Delivery.NotSent.class, n -> {
                assertThat(n.failure().kind()).isEqualTo(FailureKind.UNAVAILABLE);
                assertThat(n.failure().message()).isEqualTo("unexpected NullPointerException while routing");
            });
            assertThat(answered.get(4L)).isInstanceOfSatisfying(Delivery.NotSent.class,
                    n -> assertThat(n.failure().kind()).isEqualTo(FailureKind.INVALID_REQUEST));
        } finally {
            pool.shutdownNow();
        }
    }
}
