package io.switchboard.adapters.plivo.carrier;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * An incoming carrier's name and the IP addresses its calls come from (sent comma-separated; Plivo refuses calls from
 * any other). Adding one needs both; modifying takes either.
 */
public record PlivoCarrierRequest(Optional<String> name, List<String> ipSet) {

    public PlivoCarrierRequest {
        name = PlivoChecks.text(name, "name");
        ipSet = List.copyOf(new LinkedHashSet<>(Checks.listOf(ipSet, "ip_set").stream()
                .map(ip -> PlivoChecks.ipAddress(ip, "ip_set")).toList()));
    }

    public static PlivoCarrierRequest of(String name, List<String> ipSet) {
        return new PlivoCarrierRequest(Optional.ofNullable(name), ipSet);
    }

    public static PlivoCarrierRequest renamed(String name) {
        return new PlivoCarrierRequest(Optional.ofNullable(name), List.of());
    }

    public static PlivoCarrierRequest withIps(List<String> ipSet) {
        return new PlivoCarrierRequest(Optional.empty(), ipSet);
    }
}
