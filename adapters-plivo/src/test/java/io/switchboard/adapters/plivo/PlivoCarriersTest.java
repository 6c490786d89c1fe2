package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.carrier.PlivoCarrierRequest;
import io.switchboard.adapters.plivo.carrier.PlivoIncomingCarrier;
import io.switchboard.adapters.plivo.number.PlivoCarrierNumbers;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.switchboard.adapters.plivo.EmulatedPlivo.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** Incoming carriers through {@code api().carriers()}: add, get, list (by name), modify, delete. */
class PlivoCarriersTest {

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoCarriersApi carriers = plivo.api().carriers();

    @AfterEach
    void stop() {
        plivo.close();
    }

    @Test
    void addThenGetAnswersNameAndIpSet() {
        String id = carriers.add(PlivoCarrierRequest.of("Acme Telecom", List.of("203.0.113.10", "203.0.113.11")));

        PlivoIncomingCarrier carrier = carriers.get(id);
        assertThat(carrier.carrierId()).isEqualTo(id);
        assertThat(carrier.name()).isEqualTo("Acme Telecom");
        assertThat(carrier.ipSet()).containsExactly("203.0.113.10", "203.0.113.11");
        assertThat(carrier.voice()).isTrue();
    }

    @Test
    void listFiltersByExactNameOrAPhraseInIt() {
        carriers.add(PlivoCarrierRequest.of("Acme Telecom", List.of("203.0.113.10")));
        carriers.add(PlivoCarrierRequest.of("Globex Voice", List.of("198.51.100.7")));
        carriers.add(PlivoCarrierRequest.of("Acme Backup", List.of("2001:db8::7")));

        assertThat(carriers.list(PlivoPaging.first()).items()).hasSize(3);
        assertThat(carriers.listNamed("Globex Voice", PlivoPaging.first()).items())
                .extracting(PlivoIncomingCarrier::name).containsExactly("Globex Voice");
        assertThat(carriers.listNamed("acme", PlivoPaging.first()).items()).extracting(PlivoIncomingCarrier::name)
                .containsExactly("Acme Backup", "Acme Telecom");
        assertThat(carriers.list(PlivoPaging.of(1, 2)).items()).extracting(PlivoIncomingCarrier::name)
                .containsExactly("Acme Telecom");
    }

    @Test
    void modifyChangesNameAndIpSetSeparately() {
        String id = carriers.add(PlivoCarrierRequest.of("Old name", List.of("203.0.113.10")));

        carriers.modify(id, PlivoCarrierRequest.renamed("New name"));
        assertThat(carriers.get(id).ipSet()).containsExactly("203.0.113.10");
        carriers.modify(id, PlivoCarrierRequest.withIps(List.of("198.51.100.1", "198.51.100.2")));

        PlivoIncomingCarrier changed = carriers.get(id);
        assertThat(changed.name()).isEqualTo("New name");
        assertThat(changed.ipSet()).containsExactly("198.51.100.1", "198.51.100.2");
    }

    @Test
    void deleteRemovesTheCarrierAndEveryNumberAddedForIt() {
        String id = carriers.add(PlivoCarrierRequest.of("Leaving", List.of("203.0.113.10")));
        PhoneNumber own = PhoneNumber.parse("+13125550190");
        plivo.api().numbers().addCarrierNumbers(PlivoCarrierNumbers.of(List.of(own), id, "Chicago"));
        assertThat(plivo.api().numbers().get(own.e164()).carrier()).contains(id);

        carriers.delete(id);

        failure(FailureKind.NOT_FOUND, () -> carriers.get(id));
        failure(FailureKind.NOT_FOUND, () -> plivo.api().numbers().get(own.e164()));
    }
}
