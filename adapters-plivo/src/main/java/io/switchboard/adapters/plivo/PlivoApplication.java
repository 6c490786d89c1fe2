package io.switchboard.adapters.plivo;

import io.switchboard.domain.Checks;

import java.util.Optional;

/** A Plivo application: the URLs Plivo calls for a number's incoming calls and messages. */
public record PlivoApplication(
        String appId,
        String appName,
        Optional<String> answerUrl,
        Optional<String> answerMethod,
        Optional<String> hangupUrl,
        Optional<String> messageUrl,
        Optional<String> fallbackAnswerUrl,
        boolean defaultApp) {

    public PlivoApplication {
        Checks.notBlank(appId, "appId");
        appName = appName == null ? "" : appName;
    }
}
