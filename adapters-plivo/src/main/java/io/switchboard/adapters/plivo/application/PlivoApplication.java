package io.switchboard.adapters.plivo.application;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;

import java.util.Optional;

/**
 * A Plivo application: the URLs Plivo calls for a number's or an endpoint's incoming calls and messages, with their
 * methods.
 *
 * @param defaultApp whether new numbers without an application point to this one ({@code default_app})
 * @param defaultEndpointApp whether new endpoints without an application point to this one
 * @param subaccount the auth id of the subaccount it belongs to, if any
 */
public record PlivoApplication(
        String appId,
        String appName,
        Optional<String> answerUrl,
        Optional<String> answerMethod,
        Optional<String> hangupUrl,
        Optional<String> messageUrl,
        Optional<String> fallbackAnswerUrl,
        boolean defaultApp,
        Optional<String> hangupMethod,
        Optional<String> messageMethod,
        Optional<String> fallbackMethod,
        boolean defaultEndpointApp,
        Optional<String> subaccount) {

    public PlivoApplication {
        Checks.notBlank(appId, "appId");
        appName = appName == null ? "" : appName;
        answerUrl = PlivoChecks.orEmpty(answerUrl);
        answerMethod = PlivoChecks.orEmpty(answerMethod);
        hangupUrl = PlivoChecks.orEmpty(hangupUrl);
        messageUrl = PlivoChecks.orEmpty(messageUrl);
        fallbackAnswerUrl = PlivoChecks.orEmpty(fallbackAnswerUrl);
        hangupMethod = PlivoChecks.orEmpty(hangupMethod);
        messageMethod = PlivoChecks.orEmpty(messageMethod);
        fallbackMethod = PlivoChecks.orEmpty(fallbackMethod);
        subaccount = PlivoChecks.orEmpty(subaccount);
    }
}
