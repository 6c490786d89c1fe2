package io.switchboard.adapters.plivo.conference;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A live conference: its name, how long it has run, and its members. */
public record PlivoConference(String name, Optional<Duration> runTime, int memberCount,
        List<PlivoConferenceMember> members) {

    public PlivoConference {
        Checks.notBlank(name, "conference_name");
        runTime = PlivoChecks.orEmpty(runTime);
        members = Checks.listOf(members, "members");
    }
}
