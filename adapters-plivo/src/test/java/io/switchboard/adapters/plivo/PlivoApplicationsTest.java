package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.application.PlivoApplication;
import io.switchboard.adapters.plivo.application.PlivoApplicationRequest;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointRequest;
import io.switchboard.adapters.plivo.number.PlivoAvailableNumber;
import io.switchboard.adapters.plivo.number.PlivoNumberChanges;
import io.switchboard.adapters.plivo.number.PlivoNumberSearch;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountSettings;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.switchboard.adapters.plivo.EmulatedPlivo.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** Applications through {@code api().applications()}: create with every field, list, get, modify, delete. */
class PlivoApplicationsTest {

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoApi api = plivo.api();

    @AfterEach
    void stop() {
        plivo.close();
    }

    private static PlivoApplicationRequest.Builder everyField(String name) {
        return PlivoApplicationRequest.builder().appName(name)
                .answerUrl(URI.create("https://app.example/answer"), "GET")
                .hangupUrl(URI.create("https://app.example/hangup"), "POST")
                .fallbackAnswerUrl(URI.create("https://app.example/fallback"), "GET")
                .messageUrl(URI.create("https://app.example/message"), "GET")
                .defaultNumberApp(true).defaultEndpointApp(true);
    }

    @Test
    void createWithEveryFieldThenGetAnswersThemBack() {
        String appId = api.applications().create(everyField("Reception").build());

        PlivoApplication app = api.applications().get(appId);
        assertThat(app.appName()).isEqualTo("Reception");
        assertThat(app.answerUrl()).contains("https://app.example/answer");
        assertThat(app.answerMethod()).contains("GET");
        assertThat(app.hangupUrl()).contains("https://app.example/hangup");
        assertThat(app.hangupMethod()).contains("POST");
        assertThat(app.fallbackAnswerUrl()).contains("https://app.example/fallback");
        assertThat(app.fallbackMethod()).contains("GET");
        assertThat(app.messageUrl()).contains("https://app.example/message");
        assertThat(app.messageMethod()).contains("GET");
        assertThat(app.defaultApp()).isTrue();
        assertThat(app.defaultEndpointApp()).isTrue();
        assertThat(app.subaccount()).isEmpty();
    }

    @Test
    void theDefaultNumberAndEndpointApplicationsServeNewNumbersAndEndpoints() {
        String appId = api.applications().create(everyField("Default for new ones").build());
        PlivoAvailableNumber forSale = api.numbers().search(PlivoNumberSearch.in("US"), PlivoPaging.of(1, 0))
                .items().get(0);

        api.numbers().buy(forSale.id());
        String endpointId = api.endpoints().create(PlivoEndpointRequest.of("lobby", "pa55word", "Lobby")).endpointId();

        assertThat(api.numbers().get(forSale.number()).applicationId()).contains(appId);
        assertThat(api.endpoints().get(endpointId).applicationId()).contains(appId);
        assertThat(api.applications().list(PlivoPaging.first()).items()).filteredOn(PlivoApplication::defaultApp)
                .extracting(PlivoApplication::appId).containsExactly(appId);
    }

    @Test
    void listPagesAndNarrowsToOneSubaccount() {
        String sub = api.subaccounts().create(PlivoSubaccountSettings.named("Branch").enabled(true)).authId();
        String theirs = api.applications().create(PlivoApplicationRequest.builder().appName("Branch IVR")
                .answerUrl(URI.create("https://branch.example/answer")).subaccount(sub).build());

        Page<PlivoApplication> all = api.applications().list(PlivoPaging.first());
        assertThat(all.items()).hasSize(3).extracting(PlivoApplication::appId).contains(theirs);
        assertThat(api.applications().listOfSubaccount(sub, PlivoPaging.first()).items())
                .singleElement().satisfies(app -> {
                    assertThat(app.appId()).isEqualTo(theirs);
                    assertThat(app.subaccount()).contains(sub);
                });
        Page<PlivoApplication> firstOfTwo = api.applications().list(PlivoPaging.of(2, 0));
        assertThat(firstOfTwo.items()).hasSize(2);
        assertThat(api.applications().list(PlivoPaging.of(2, 0).next(firstOfTwo).orElseThrow()).items()).hasSize(1);
    }

    @Test
    void modifyChangesOnlyWhatItHolds() {
        String appId = api.applications().create(PlivoApplicationRequest.builder().appName("Changing")
                .answerUrl(URI.create("https://app.example/v1")).build());

        api.applications().modify(appId, PlivoApplicationRequest.builder()
                .answerUrl(URI.create("https://app.example/v2"), "GET")
                .messageUrl(URI.create("https://app.example/sms"), "POST").defaultEndpointApp(true).build());

        PlivoApplication app = api.applications().get(appId);
        assertThat(app.appName()).isEqualTo("Changing");
        assertThat(app.answerUrl()).contains("https://app.example/v2");
        assertThat(app.answerMethod()).contains("GET");
        assertThat(app.messageUrl()).contains("https://app.example/sms");
        assertThat(app.defaultEndpointApp()).isTrue();
        assertThat(app.defaultApp()).isFalse();
    }

    @Test
    void modifyMovesAnApplicationToASubaccount() {
        String sub = api.subaccounts().create(PlivoSubaccountSettings.named("Moved").enabled(true)).authId();
        String appId = api.applications().create(PlivoApplicationRequest.builder().appName("Mover")
                .answerUrl(URI.create("https://app.example/m")).build());

        api.applications().modify(appId, PlivoApplicationRequest.builder().subaccount(sub).build());

        assertThat(api.applications().get(appId).subaccount()).contains(sub);
    }

    @Test
    void deleteRemovesTheApplicationForGood() {
        String appId = api.applications().create(PlivoApplicationRequest.builder().appName("Short lived")
                .answerUrl(URI.create("https://app.example/x")).build());
        api.numbers().modify("+12025550111", PlivoNumberChanges.none().withAppId(appId));

        api.applications().delete(appId);

        failure(FailureKind.NOT_FOUND, () -> api.applications().get(appId));
        failure(FailureKind.NOT_FOUND, () -> api.applications().delete(appId));
        assertThat(api.numbers().get("+12025550111").applicationId()).isEmpty();
    }

    @Test
    void aSecondApplicationWithTheSameNameIsRefused() {
        api.applications().create(PlivoApplicationRequest.builder().appName("Twin")
                .answerUrl(URI.create("https://app.example/1")).build());
        failure(FailureKind.INVALID_REQUEST, () -> api.applications().create(PlivoApplicationRequest.builder()
                .appName("Twin").answerUrl(URI.create("https://app.example/2")).build()));
    }
}
