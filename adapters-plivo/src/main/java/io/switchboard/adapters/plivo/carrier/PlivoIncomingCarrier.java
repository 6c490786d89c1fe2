package io.switchboard.adapters.plivo.carrier;

import io.switchboard.domain.Checks;

import java.util.List;

/** An incoming carrier: its id, name, the IP addresses its calls come from, and whether it carries voice and SMS. */
public record PlivoIncomingCarrier(String carrierId, String name, List<String> ipSet, boolean voice, boolean sms) {

    public PlivoIncomingCarrier {
        Checks.notBlank(carrierId, "carrier_id");
        name = name == null ? "" : name;
        ipSet = Checks.listOf(ipSet, "ip_set");
    }
}
