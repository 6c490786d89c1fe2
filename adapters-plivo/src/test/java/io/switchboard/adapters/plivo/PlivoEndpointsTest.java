package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.application.PlivoApplicationRequest;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpoint;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointChanges;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointCreated;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointRequest;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.switchboard.adapters.plivo.EmulatedPlivo.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** SIP endpoints through {@code api().endpoints()}: create, get, list, modify, delete. */
class PlivoEndpointsTest {

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoApi api = plivo.api();

    @AfterEach
    void stop() {
        plivo.close();
    }

    private String app(String name) {
        return api.applications().create(PlivoApplicationRequest.builder().appName(name)
                .answerUrl(URI.create("https://sip.example/" + name)).build());
    }

    @Test
    void createAnswersTheSipUsernamePlivoMadeAndGetReadsItBack() {
        String appId = app("softphones");
        PlivoEndpointCreated created = api.endpoints().create(PlivoEndpointRequest.of("alice", "c0rrect-h0rse",
                "Alice's softphone").withAppId(appId));

        assertThat(created.username()).startsWith("alice").hasSize("alice".length() + 12);
        assertThat(created.alias()).isEqualTo("Alice's softphone");
        PlivoEndpoint endpoint = api.endpoints().get(created.endpointId());
        assertThat(endpoint.username()).isEqualTo(created.username());
        assertThat(endpoint.alias()).isEqualTo("Alice's softphone");
        assertThat(endpoint.applicationId()).contains(appId);
        assertThat(endpoint.sipUri()).contains("sip:" + created.username() + "@phone.plivo.com");
        assertThat(endpoint.sipRegistered()).isFalse();
        assertThat(endpoint.toString()).doesNotContain("c0rrect-h0rse");
    }

    @Test
    void theRequestsNeverPrintThePassword() {
        assertThat(PlivoEndpointRequest.of("bob", "hunter22", "Bob").toString()).doesNotContain("hunter22");
        assertThat(PlivoEndpointChanges.of("hunter33", "Bob").toString()).doesNotContain("hunter33");
    }

    @Test
    void listPagesThroughTheEndpoints() {
        for (String user : new String[] {"one", "two", "three"}) {
            api.endpoints().create(PlivoEndpointRequest.of(user, "secret-" + user, user.toUpperCase()));
        }
        Page<PlivoEndpoint> first = api.endpoints().list(PlivoPaging.of(2, 0));
        assertThat(first.items()).extracting(PlivoEndpoint::alias).containsExactly("THREE", "TWO");
        assertThat(api.endpoints().list(PlivoPaging.of(2, 0).next(first).orElseThrow()).items())
                .extracting(PlivoEndpoint::alias).containsExactly("ONE");
    }

    @Test
    void modifyChangesAliasAndApplication() {
        String id = api.endpoints().create(PlivoEndpointRequest.of("carol", "first-pass", "Carol")).endpointId();
        String appId = app("desk-phones");

        api.endpoints().modify(id, PlivoEndpointChanges.of("second-pass", "Carol (desk)").withAppId(appId));

        PlivoEndpoint changed = api.endpoints().get(id);
        assertThat(changed.alias()).isEqualTo("Carol (desk)");
        assertThat(changed.applicationId()).contains(appId);
    }

    @Test
    void deleteCannotBeUndone() {
        String id = api.endpoints().create(PlivoEndpointRequest.of("dave", "pa55word", "Dave")).endpointId();

        api.endpoints().delete(id);

        failure(FailureKind.NOT_FOUND, () -> api.endpoints().get(id));
        failure(FailureKind.NOT_FOUND, () -> api.endpoints().delete(id));
        assertThat(api.endpoints().list(PlivoPaging.first()).items()).isEmpty();
    }
}
