package io.switchboard.domain.recording;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A call or conference recording held by a vendor.
 *
 * @param callId the recorded call's id, when it was a call
 * @param conferenceId the recorded conference, when it was one
 * @param mediaUrl where the audio can be downloaded
 */
public record Recording(
        String id,
        AccountId account,
        Optional<String> callId,
        Optional<String> conferenceId,
        Duration duration,
        String rawStatus,
        Optional<URI> mediaUrl,
        Optional<Instant> createdAt,
        Optional<Money> price) {

    public Recording {
        Checks.notBlank(id, "id");
        Checks.required(account, "account");
        callId = callId == null ? Optional.empty() : callId;
        conferenceId = conferenceId == null ? Optional.empty() : conferenceId;
        duration = duration == null ? Duration.ZERO : duration;
        rawStatus = rawStatus == null ? "" : rawStatus;
        mediaUrl = mediaUrl == null ? Optional.empty() : mediaUrl;
        createdAt = createdAt == null ? Optional.empty() : createdAt;
        price = price == null ? Optional.empty() : price;
    }
}
