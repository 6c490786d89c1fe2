package io.switchboard.domain.port;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.RateLimit;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One configured provider account and the ports it offers. An adapter returns an empty port for a capability its
 * vendor lacks (Telnyx has no pricing API), so routing can tell "cannot" from "failed".
 */
public interface ProviderConnector extends AutoCloseable {

    AccountId account();

    default Optional<MessagingPort> messaging() {
        return Optional.empty();
    }

    default Optional<VoicePort> voice() {
        return Optional.empty();
    }

    default Optional<NumbersPort> numbers() {
        return Optional.empty();
    }

    default Optional<AccountPort> accountDetails() {
        return Optional.empty();
    }

    default Optional<PricingPort> pricing() {
        return Optional.empty();
    }

    default Optional<RecordingsPort> recordings() {
        return Optional.empty();
    }

    default Optional<UsagePort> usage() {
        return Optional.empty();
    }

    default Optional<LookupPort> lookup() {
        return Optional.empty();
    }

    /** Verifies and reads this account's status callbacks and inbound messages. */
    default Optional<CallbacksPort> callbacks() {
        return Optional.empty();
    }

    /** The vendor's published request budget for this account, which routing applies client-side by default. */
    default Optional<RateLimit> declaredRateLimit() {
        return Optional.empty();
    }

    /**
     * What this account accepts in a send or a call (channels, inline call markup, text length), so that routing
     * leaves it out of a request its vendor would refuse. The default accepts everything: a connector that declares
     * nothing is routed as before.
     */
    default SendCapabilities sendCapabilities() {
        return SendCapabilities.PERMISSIVE;
    }

    /** The capabilities whose ports are present. */
    default Set<Capability> capabilities() {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        messaging().ifPresent(p -> set.add(Capability.MESSAGING));
        voice().ifPresent(p -> set.add(Capability.VOICE));
        numbers().ifPresent(p -> set.add(Capability.NUMBERS));
        accountDetails().ifPresent(p -> set.add(Capability.ACCOUNT));
        pricing().ifPresent(p -> set.add(Capability.PRICING));
        recordings().ifPresent(p -> set.add(Capability.RECORDINGS));
        usage().ifPresent(p -> set.add(Capability.USAGE));
        lookup().ifPresent(p -> set.add(Capability.LOOKUP));
        return Set.copyOf(set);
    }

    default boolean has(Capability capability) {
        return capabilities().contains(capability);
    }

    /** Releases what this account alone holds; shared connection pools are closed by their owner. */
    @Override
    default void close() {
    }
}
