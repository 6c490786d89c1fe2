package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.pricing.Product;

import java.util.List;
import java.util.Optional;

/**
 * The ordered accounts to try for one request, and every account left out with its reason. Built without I/O.
 *
 * @param encoding the text's encoding, for a text message
 * @param units what each candidate is billed for: segments of an SMS (more under UCS-2), one MMS, or call minutes
 */
public record RoutePlan(
        Product product,
        PhoneNumber destination,
        Optional<SmsEncoding> encoding,
        long units,
        List<Candidate> candidates,
        List<Exclusion> exclusions) {

    public RoutePlan {
        Checks.required(product, "product");
        Checks.required(destination, "destination");
        encoding = encoding == null ? Optional.empty() : encoding;
        candidates = Checks.listOf(candidates, "candidates");
        exclusions = Checks.listOf(exclusions, "exclusions");
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    /** The first candidate, the one routing tries first. */
    public Optional<Candidate> first() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** The reason an account was left out, if it was. */
    public Optional<Exclusion> exclusionOf(AccountId account) {
        return exclusions.stream().filter(e -> e.account().equals(account)).findFirst();
    }
}
