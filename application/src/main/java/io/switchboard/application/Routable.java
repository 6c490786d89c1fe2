package io.switchboard.application;

import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.message.SmsText;
import io.switchboard.domain.pricing.Product;

import java.util.Optional;

/** A message or a call, as the planner and dispatcher see it. */
sealed interface Routable permits Routable.Text, Routable.Voice {

    PhoneNumber to();

    /** The requested sender; null for a cost query, which has none. */
    Sender from();

    Product product();

    Optional<String> clientReference();

    /**
     * A message with its segment count and encoding, computed once per request.
     *
     * @param request the request to send, or null for a cost query
     * @param body the analysed text, checked against each account's text limit; empty when only the segment count
     *     is known (a past message listed without its text)
     */
    record Text(MessageRequest request, PhoneNumber to, Product product, int segments,
            Optional<SmsEncoding> encoding, Optional<SmsText> body) implements Routable {

        static Text of(MessageRequest request) {
            SmsText text = request.smsText();
            return new Text(request, request.to(), Product.of(request.channel()), text.segmentCount(),
                    Optional.of(text.encoding()), Optional.of(text));
        }

        static Text quote(PhoneNumber to, Product product, SmsText text) {
            return new Text(null, to, product, text.segmentCount(), Optional.of(text.encoding()), Optional.of(text));
        }

        /** The channel of the product (a message product is never VOICE). */
        Channel channel() {
            return switch (product) {
                case MMS -> Channel.MMS;
                case WHATSAPP -> Channel.WHATSAPP;
                default -> Channel.SMS;
            };
        }

        @Override
        public Sender from() {
            return request == null ? null : request.from();
        }

        @Override
        public Optional<String> clientReference() {
            return request == null ? Optional.empty() : request.clientReference();
        }
    }

    /**
     * A call, quoted for {@code minutes}.
     *
     * @param request the request to place, or null for a cost query
     */
    record Voice(CallRequest request, PhoneNumber to, long minutes) implements Routable {

        /** Whether the call carries its instructions as inline markup (a cost query carries none). */
        boolean inlineMarkup() {
            return request != null && request.instructions() instanceof CallInstructions.Markup;
        }

        @Override
        public Sender from() {
            return request == null ? null : request.from();
        }

        @Override
        public Product product() {
            return Product.VOICE;
        }

        @Override
        public Optional<String> clientReference() {
            return request == null ? Optional.empty() : request.clientReference();
        }
    }
}
