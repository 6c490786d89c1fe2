package io.switchboard.adapters.plivo.application;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.net.URI;
import java.util.Optional;

/**
 * Every field of Plivo's application create and modify (https://www.plivo.com/docs/voice/api/application): the URLs
 * Plivo calls (answer, hangup, fallback, message) with their methods (GET or POST; Plivo's default POST), whether the
 * application is the default for new numbers and for new endpoints, and the subaccount it belongs to. Creating needs
 * {@code appName} and {@code answerUrl}; modifying takes neither name (Plivo cannot rename an application) nor any
 * field as required.
 */
public record PlivoApplicationRequest(
        Optional<String> appName,
        Optional<URI> answerUrl,
        Optional<String> answerMethod,
        Optional<URI> hangupUrl,
        Optional<String> hangupMethod,
        Optional<URI> fallbackAnswerUrl,
        Optional<String> fallbackMethod,
        Optional<URI> messageUrl,
        Optional<String> messageMethod,
        Optional<Boolean> defaultNumberApp,
        Optional<Boolean> defaultEndpointApp,
        Optional<String> subaccount) {

    public PlivoApplicationRequest {
        appName = PlivoChecks.text(appName, "app_name");
        answerUrl = PlivoChecks.url(answerUrl, "answer_url");
        answerMethod = PlivoChecks.method(answerMethod, "answer_method");
        hangupUrl = PlivoChecks.url(hangupUrl, "hangup_url");
        hangupMethod = PlivoChecks.method(hangupMethod, "hangup_method");
        fallbackAnswerUrl = PlivoChecks.url(fallbackAnswerUrl, "fallback_answer_url");
        fallbackMethod = PlivoChecks.method(fallbackMethod, "fallback_method");
        messageUrl = PlivoChecks.url(messageUrl, "message_url");
        messageMethod = PlivoChecks.method(messageMethod, "message_method");
        defaultNumberApp = PlivoChecks.orEmpty(defaultNumberApp);
        defaultEndpointApp = PlivoChecks.orEmpty(defaultEndpointApp);
        subaccount = PlivoChecks.text(subaccount, "subaccount");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects an application's fields; each is optional here, and checked when built. */
    public static final class Builder {
        private String appName;
        private URI answerUrl;
        private String answerMethod;
        private URI hangupUrl;
        private String hangupMethod;
        private URI fallbackAnswerUrl;
        private String fallbackMethod;
        private URI messageUrl;
        private String messageMethod;
        private Boolean defaultNumberApp;
        private Boolean defaultEndpointApp;
        private String subaccount;

        private Builder() {
        }

        public Builder appName(String value) {
            this.appName = value;
            return this;
        }

        /** The URL Plivo fetches when a call executes the application, and its method. */
        public Builder answerUrl(URI url, String method) {
            this.answerUrl = url;
            this.answerMethod = method;
            return this;
        }

        public Builder answerUrl(URI url) {
            this.answerUrl = url;
            return this;
        }

        /** Notified when a call hangs up (Plivo's default: the answer URL). */
        public Builder hangupUrl(URI url, String method) {
            this.hangupUrl = url;
            this.hangupMethod = method;
            return this;
        }

        /** Fetched only when the answer URL fails or answers invalid XML. */
        public Builder fallbackAnswerUrl(URI url, String method) {
            this.fallbackAnswerUrl = url;
            this.fallbackMethod = method;
            return this;
        }

        /** Notified of inbound messages. */
        public Builder messageUrl(URI url, String method) {
            this.messageUrl = url;
            this.messageMethod = method;
            return this;
        }

        /** New numbers without an application point to this one. */
        public Builder defaultNumberApp(boolean value) {
            this.defaultNumberApp = value;
            return this;
        }

        /** New endpoints without an application point to this one. */
        public Builder defaultEndpointApp(boolean value) {
            this.defaultEndpointApp = value;
            return this;
        }

        /** The auth id of the subaccount the application belongs to. */
        public Builder subaccount(String subauthId) {
            this.subaccount = subauthId;
            return this;
        }

        public PlivoApplicationRequest build() {
            return new PlivoApplicationRequest(Optional.ofNullable(appName), Optional.ofNullable(answerUrl),
                    Optional.ofNullable(answerMethod), Optional.ofNullable(hangupUrl),
                    Optional.ofNullable(hangupMethod),
                    Optional.ofNullable(fallbackAnswerUrl), Optional.ofNullable(fallbackMethod),
                    Optional.ofNullable(messageUrl), Optional.ofNullable(messageMethod),
                    Optional.ofNullable(defaultNumberApp), Optional.ofNullable(defaultEndpointApp),
                    Optional.ofNullable(subaccount));
        }
    }
}
