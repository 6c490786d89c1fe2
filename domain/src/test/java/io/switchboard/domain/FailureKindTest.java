package io.switchboard.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTest {

    @ParameterizedTest
    @CsvSource({
            "INVALID_REQUEST,           false, false, false",
            "DESTINATION_NOT_SUPPORTED, true,  true,  false",
            "AUTHENTICATION,            true,  true,  true",
            "INSUFFICIENT_FUNDS,        true,  true,  true",
            "RATE_LIMITED,              true,  true,  false",
            "UNAVAILABLE,               true,  true,  false",
            "OUTCOME_UNKNOWN,           false, true,  false",
            "NOT_FOUND,                 false, false, false",
            "UNSUPPORTED,               true,  true,  false"})
    void eachKindCarriesTheArchitecturesFailoverVerdict(FailureKind kind, boolean atMostOnce, boolean atLeastOnce,
            boolean unhealthy) {
        assertThat(kind.failsOver(DeliveryGuarantee.AT_MOST_ONCE)).as("fails over at most once").isEqualTo(atMostOnce);
        assertThat(kind.failsOver(DeliveryGuarantee.AT_LEAST_ONCE)).as("fails over at least once").isEqualTo(atLeastOnce);
        assertThat(kind.marksAccountUnhealthy()).as("marks unhealthy").isEqualTo(unhealthy);
        assertThat(kind.outcomeKnown()).isEqualTo(kind != FailureKind.OUTCOME_UNKNOWN);
    }

    @org.junit.jupiter.api.Test
    void failureDescribesItselfWithoutLosingDetail() {
        Failure failure = Failure.of(FailureKind.RATE_LIMITED, "too many requests")
                .withAccount(AccountId.parse("telnyx:eu")).withHttpStatus(429).withVendorCode("10011")
                .withRetryAfter(java.time.Duration.ofSeconds(3));

        assertThat(failure).hasToString("RATE_LIMITED on telnyx:eu (HTTP 429) [code 10011]: too many requests");
        assertThat(failure.retryAfter()).contains(java.time.Duration.ofSeconds(3));
        assertThat(new SwitchboardException(failure)).hasMessage(failure.toString());
    }
}
