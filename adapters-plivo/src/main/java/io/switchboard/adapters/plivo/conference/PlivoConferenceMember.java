package io.switchboard.adapters.plivo.conference;

import io.switchboard.domain.Checks;

import java.time.Duration;
import java.util.Optional;

/**
 * One member of a live conference: its member id (unique within the conference), its call, numbers, whether it is
 * muted (others cannot hear it) or deaf (it cannot hear the conference), and how long ago it joined.
 */
public record PlivoConferenceMember(
        String memberId,
        String callUuid,
        String from,
        String to,
        Optional<String> callerName,
        String direction,
        boolean muted,
        boolean deaf,
        Optional<Duration> joinedAgo) {

    public PlivoConferenceMember {
        Checks.notBlank(memberId, "member_id");
        callUuid = callUuid == null ? "" : callUuid;
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        direction = direction == null ? "" : direction;
    }
}
