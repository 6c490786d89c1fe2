package io.switchboard.adapters.plivo;

import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    Map<String, Object> forAdd() {
        if (name.isEmpty()) {
            throw SwitchboardException.invalid("name", "is required to add an incoming carrier");
        }
        if (ipSet.isEmpty()) {
            throw SwitchboardException.invalid("ip_set", "is required to add an incoming carrier");
        }
        return wire();
    }

    Map<String, Object> forModify() {
        if (name.isEmpty() && ipSet.isEmpty()) {
            throw SwitchboardException.invalid("name", "or ip_set is required: there is nothing to change");
        }
        return wire();
    }

    private Map<String, Object> wire() {
        Map<String, Object> p = new LinkedHashMap<>();
        name.ifPresent(v -> p.put("name", v));
        if (!ipSet.isEmpty()) {
            p.put("ip_set", String.join(",", ipSet));
        }
        return p;
    }
}
