package io.switchboard.domain;

/**
 * Who a message or call comes from: a phone number, an alphanumeric sender ID, or the name of a sender pool that
 * routing resolves to a number or ID the chosen account owns.
 */
public sealed interface Sender permits PhoneNumber, SenderId, SenderPool {

    /** The sender as text: E.164, the sender ID, or {@code pool:name}. */
    String value();
}
