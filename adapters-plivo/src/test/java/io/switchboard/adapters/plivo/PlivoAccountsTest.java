package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.account.PlivoAccountChanges;
import io.switchboard.adapters.plivo.account.PlivoAccountDetails;
import io.switchboard.adapters.plivo.application.PlivoApplicationRequest;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointRequest;
import io.switchboard.adapters.plivo.message.PlivoMessageFilter;
import io.switchboard.adapters.plivo.message.PlivoSmsRequest;
import io.switchboard.adapters.plivo.number.PlivoNumber;
import io.switchboard.adapters.plivo.number.PlivoNumberChanges;
import io.switchboard.adapters.plivo.number.PlivoNumberFilter;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccount;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountCredentials;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountSettings;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.message.Message;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import static io.switchboard.adapters.plivo.EmulatedPlivo.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** The account and its subaccounts, through {@code api().accounts()} and {@code api().subaccounts()}. */
class PlivoAccountsTest {

    private static final PhoneNumber OWNED = PhoneNumber.parse("+12025550111");
    private static final PhoneNumber UK = PhoneNumber.parse("+447700900123");

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoApi api = plivo.api();

    @AfterEach
    void stop() {
        plivo.close();
    }

    @Test
    void accountGetAnswersTheDetailsAndCredit() {
        PlivoAccountDetails account = api.accounts().get();

        assertThat(account.authId()).isEqualTo(PlivoEmulator.AUTH_ID);
        assertThat(account.name()).contains("Sandbox " + PlivoEmulator.AUTH_ID);
        assertThat(account.cashCredits().orElseThrow().amount()).isEqualByComparingTo("1000");
        assertThat(account.billingMode()).contains("prepaid");
        assertThat(account.city()).isPresent();
        assertThat(account.address()).isPresent();
    }

    @Test
    void accountModifyChangesNameCityAndAddress() {
        api.accounts().modify(PlivoAccountChanges.none().withName("Acme Ltd").withCity("Leeds")
                .withAddress("2 Canal Wharf"));
        PlivoAccountDetails changed = api.accounts().get();
        assertThat(changed.name()).contains("Acme Ltd");
        assertThat(changed.city()).contains("Leeds");
        assertThat(changed.address()).contains("2 Canal Wharf");

        api.accounts().modify(PlivoAccountChanges.none().withCity("York"));
        assertThat(api.accounts().get()).satisfies(a -> {
            assertThat(a.city()).contains("York");
            assertThat(a.name()).contains("Acme Ltd");
        });
    }

    @Test
    void subaccountCreateAnswersCredentialsThatNeverPrintTheToken() {
        PlivoSubaccountCredentials created = api.subaccounts().create(PlivoSubaccountSettings.named("Support"));

        assertThat(created.authId()).startsWith("SA").hasSize(20);
        assertThat(created.toString()).doesNotContain(created.authToken()).contains("***");
        PlivoSubaccount fetched = api.subaccounts().get(created.authId());
        assertThat(fetched.name()).isEqualTo("Support");
        assertThat(fetched.enabled()).as("Plivo's default").isFalse();
        assertThat(fetched.authToken()).isEqualTo(created.authToken());
        assertThat(fetched.created()).contains(LocalDate.of(2026, 3, 2));
        assertThat(fetched.toString()).doesNotContain(created.authToken());
    }

    @Test
    void subaccountModifyRenamesAndEnables() {
        String id = api.subaccounts().create(PlivoSubaccountSettings.named("Sales")).authId();

        api.subaccounts().modify(id, PlivoSubaccountSettings.named("Sales EMEA").enabled(true));

        PlivoSubaccount changed = api.subaccounts().get(id);
        assertThat(changed.name()).isEqualTo("Sales EMEA");
        assertThat(changed.enabled()).isTrue();
    }

    @Test
    void subaccountGetOfAnUnknownIdIsNotFound() {
        failure(FailureKind.NOT_FOUND, () -> api.subaccounts().get("SA00000000000000000X"));
    }

    @Test
    void subaccountListPagesByLimitAndOffset() {
        for (String name : List.of("One", "Two", "Three")) {
            api.subaccounts().create(PlivoSubaccountSettings.named(name).enabled(true));
        }
        PlivoPaging paging = PlivoPaging.of(2, 0);
        Page<PlivoSubaccount> first = api.subaccounts().list(paging);
        assertThat(first.items()).extracting(PlivoSubaccount::name).containsExactly("Three", "Two");
        Page<PlivoSubaccount> second = api.subaccounts().list(paging.next(first).orElseThrow());
        assertThat(second.items()).extracting(PlivoSubaccount::name).containsExactly("One");
        assertThat(second.hasNext()).isFalse();
        assertThat(api.subaccounts().list(PlivoPaging.of(20, 1)).items()).hasSize(2);
    }

    @Test
    void anEnabledSubaccountCallsTheApiAndSpendsItsParentsCredit() {
        PlivoSubaccountCredentials sub = api.subaccounts().create(PlivoSubaccountSettings.named("Ops").enabled(true));
        PlivoConnector subConnector = plivo.connector("ops", sub.authId(), sub.authToken());
        BigDecimal before = plivo.credit();

        String uuid = subConnector.api().messages().send(PlivoSmsRequest.builder().src(OWNED).dst(UK)
                .text("from the subaccount").build()).get(0).messageUuid().orElseThrow();

        assertThat(plivo.credit()).isEqualByComparingTo(before.subtract(new BigDecimal("0.038")));
        Page<Message> theirs = api.messages().list(PlivoMessageFilter.all().withSubaccount(sub.authId()),
                PlivoPaging.first());
        assertThat(theirs.items()).extracting(Message::id).containsExactly(uuid);
        assertThat(api.messages().list(PlivoMessageFilter.all(), PlivoPaging.first()).items()).isEmpty();
    }

    @Test
    void aDisabledSubaccountCannotAuthenticate() {
        PlivoSubaccountCredentials sub = api.subaccounts().create(PlivoSubaccountSettings.named("Later"));
        PlivoConnector subConnector = plivo.connector("later", sub.authId(), sub.authToken());

        failure(FailureKind.AUTHENTICATION, () -> subConnector.api().accounts().get());
        api.subaccounts().modify(sub.authId(), PlivoSubaccountSettings.named("Later").enabled(true));
        assertThat(subConnector.api().accounts().get().authId()).isEqualTo(sub.authId());
    }

    @Test
    void subaccountDeleteHandsItsNumbersEndpointsAndApplicationsToTheMainAccount() {
        PlivoSubaccountCredentials sub = api.subaccounts().create(PlivoSubaccountSettings.named("Gone").enabled(true));
        String appId = api.applications().create(PlivoApplicationRequest.builder().appName("Theirs")
                .answerUrl(URI.create("https://example.com/theirs")).subaccount(sub.authId()).build());
        api.numbers().modify(OWNED.e164(), PlivoNumberChanges.none().withSubaccount(sub.authId()));
        PlivoConnector subConnector = plivo.connector("gone", sub.authId(), sub.authToken());
        String endpointId = subConnector.api().endpoints().create(PlivoEndpointRequest.of("desk", "s3cret", "Desk"))
                .endpointId();
        assertThat(api.numbers().list(PlivoNumberFilter.all().withSubaccount(sub.authId()), PlivoPaging.first())
                .items()).extracting(PlivoNumber::number).containsExactly(OWNED.e164());
        assertThat(api.endpoints().get(endpointId).subaccount()).contains(sub.authId());

        api.subaccounts().delete(sub.authId());

        assertThat(api.numbers().get(OWNED.e164()).subaccount()).isEmpty();
        assertThat(api.applications().get(appId).subaccount()).isEmpty();
        assertThat(api.endpoints().get(endpointId).subaccount()).isEmpty();
        failure(FailureKind.NOT_FOUND, () -> api.subaccounts().get(sub.authId()));
        failure(FailureKind.AUTHENTICATION, () -> subConnector.api().accounts().get());
    }
}
