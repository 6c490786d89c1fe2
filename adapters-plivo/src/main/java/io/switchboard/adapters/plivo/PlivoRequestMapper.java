package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.account.PlivoAccountChanges;
import io.switchboard.adapters.plivo.application.PlivoApplicationRequest;
import io.switchboard.adapters.plivo.call.PlivoCallRecordFilter;
import io.switchboard.adapters.plivo.call.PlivoCallRequest;
import io.switchboard.adapters.plivo.call.PlivoDigits;
import io.switchboard.adapters.plivo.call.PlivoPlayRequest;
import io.switchboard.adapters.plivo.call.PlivoSpeakRequest;
import io.switchboard.adapters.plivo.call.PlivoSpeech;
import io.switchboard.adapters.plivo.call.PlivoTransfer;
import io.switchboard.adapters.plivo.carrier.PlivoCarrierRequest;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointChanges;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointRequest;
import io.switchboard.adapters.plivo.number.PlivoCarrierNumbers;
import io.switchboard.adapters.plivo.number.PlivoNumberChanges;
import io.switchboard.adapters.plivo.number.PlivoNumberSearch;
import io.switchboard.adapters.plivo.recording.PlivoRecordingFilter;
import io.switchboard.adapters.plivo.recording.PlivoRecordingOptions;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountSettings;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public request values to Plivo's parameters, in the names and forms its API takes ({@code answer_url},
 * numbers joined with {@code <}); the checks that need the whole request (what creating requires) happen here.
 */
final class PlivoRequestMapper {

    private PlivoRequestMapper() {
    }

    static Map<String, Object> parameters(PlivoAccountChanges r) {
        if (r.name().isEmpty() && r.city().isEmpty() && r.address().isEmpty()) {
            throw SwitchboardException.invalid("name", "or city or address is required: there is nothing to change");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        r.name().ifPresent(v -> p.put("name", v));
        r.city().ifPresent(v -> p.put("city", v));
        r.address().ifPresent(v -> p.put("address", v));
        return p;
    }

    static Map<String, Object> parameters(PlivoSubaccountSettings r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", r.name());
        r.enabled().ifPresent(v -> p.put("enabled", v));
        return p;
    }

    static Map<String, Object> applicationToCreate(PlivoApplicationRequest r) {
        if (r.appName().isEmpty()) {
            throw SwitchboardException.invalid("app_name", "is required to create an application");
        }
        if (r.answerUrl().isEmpty()) {
            throw SwitchboardException.invalid("answer_url", "is required to create an application");
        }
        return parameters(r);
    }

    static Map<String, Object> applicationToModify(PlivoApplicationRequest r) {
        if (r.appName().isPresent()) {
            throw SwitchboardException.invalid("app_name", "cannot be changed: Plivo's modify takes no name");
        }
        Map<String, Object> p = parameters(r);
        if (p.isEmpty()) {
            throw SwitchboardException.invalid("answer_url",
                    "or another field is required: there is nothing to change");
        }
        return p;
    }

    private static Map<String, Object> parameters(PlivoApplicationRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        r.appName().ifPresent(v -> p.put("app_name", v));
        r.answerUrl().ifPresent(v -> p.put("answer_url", v.toString()));
        r.answerMethod().ifPresent(v -> p.put("answer_method", v));
        r.hangupUrl().ifPresent(v -> p.put("hangup_url", v.toString()));
        r.hangupMethod().ifPresent(v -> p.put("hangup_method", v));
        r.fallbackAnswerUrl().ifPresent(v -> p.put("fallback_answer_url", v.toString()));
        r.fallbackMethod().ifPresent(v -> p.put("fallback_method", v));
        r.messageUrl().ifPresent(v -> p.put("message_url", v.toString()));
        r.messageMethod().ifPresent(v -> p.put("message_method", v));
        r.defaultNumberApp().ifPresent(v -> p.put("default_number_app", v));
        r.defaultEndpointApp().ifPresent(v -> p.put("default_endpoint_app", v));
        r.subaccount().ifPresent(v -> p.put("subaccount", v));
        return p;
    }

    static Map<String, Object> parameters(PlivoCallRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", r.from().e164());
        p.put("to", String.join("<", r.to()));
        p.put("answer_url", r.answerUrl().toString());
        r.answerMethod().ifPresent(v -> p.put("answer_method", v));
        r.ringUrl().ifPresent(v -> p.put("ring_url", v.toString()));
        r.ringMethod().ifPresent(v -> p.put("ring_method", v));
        r.hangupUrl().ifPresent(v -> p.put("hangup_url", v.toString()));
        r.hangupMethod().ifPresent(v -> p.put("hangup_method", v));
        r.fallbackUrl().ifPresent(v -> p.put("fallback_url", v.toString()));
        r.fallbackMethod().ifPresent(v -> p.put("fallback_method", v));
        r.callerName().ifPresent(v -> p.put("caller_name", v));
        r.sendDigits().ifPresent(v -> p.put("send_digits", v));
        r.sendOnPreanswer().ifPresent(v -> p.put("send_on_preanswer", v));
        r.timeLimit().ifPresent(v -> p.put("time_limit", v));
        r.hangupOnRing().ifPresent(v -> p.put("hangup_on_ring", v));
        r.machineDetection().ifPresent(v -> p.put("machine_detection", v));
        r.machineDetectionTime().ifPresent(v -> p.put("machine_detection_time", v));
        r.machineDetectionUrl().ifPresent(v -> p.put("machine_detection_url", v.toString()));
        r.machineDetectionMethod().ifPresent(v -> p.put("machine_detection_method", v));
        if (!r.sipHeaders().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            r.sipHeaders().forEach((k, v) -> pairs.add(k + "=" + v));
            p.put("sip_headers", String.join(",", pairs));
        }
        r.ringTimeout().ifPresent(v -> p.put("ring_timeout", v));
        r.parentCallUuid().ifPresent(v -> p.put("parent_call_uuid", v));
        r.errorIfParentNotFound().ifPresent(v -> p.put("error_if_parent_not_found", v));
        return p;
    }

    static Map<String, String> parameters(PlivoCallRecordFilter r) {
        Map<String, String> q = new LinkedHashMap<>();
        r.callDirection().ifPresent(v -> q.put("call_direction", v));
        r.fromNumber().ifPresent(v -> q.put("from_number", PlivoContext.digits(v)));
        r.toNumber().ifPresent(v -> q.put("to_number", PlivoContext.digits(v)));
        r.billDurationAtLeast().ifPresent(v -> q.put("bill_duration__gte", Integer.toString(v)));
        r.billDurationAtMost().ifPresent(v -> q.put("bill_duration__lte", Integer.toString(v)));
        r.endedFrom().ifPresent(v -> q.put("end_time__gte", PlivoMapper.filterTime(v)));
        r.endedUntil().ifPresent(v -> q.put("end_time__lt", PlivoMapper.filterTime(v)));
        return q;
    }

    static Map<String, Object> parameters(PlivoTransfer r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("legs", r.legs().wire());
        r.alegUrl().ifPresent(v -> p.put("aleg_url", v.toString()));
        r.alegMethod().ifPresent(v -> p.put("aleg_method", v));
        r.blegUrl().ifPresent(v -> p.put("bleg_url", v.toString()));
        r.blegMethod().ifPresent(v -> p.put("bleg_method", v));
        return p;
    }

    static Map<String, Object> parameters(PlivoPlayRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("urls", String.join(",", r.urls().stream().map(URI::toString).toList()));
        r.length().ifPresent(v -> p.put("length", v));
        r.legs().ifPresent(v -> p.put("legs", v.wire()));
        r.loop().ifPresent(v -> p.put("loop", v));
        r.mix().ifPresent(v -> p.put("mix", v));
        return p;
    }

    static Map<String, Object> parameters(PlivoSpeakRequest r) {
        Map<String, Object> p = parameters(r.speech());
        r.legs().ifPresent(v -> p.put("legs", v.wire()));
        r.loop().ifPresent(v -> p.put("loop", v));
        r.mix().ifPresent(v -> p.put("mix", v));
        return p;
    }

    static Map<String, Object> parameters(PlivoSpeech r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("text", r.text());
        r.voice().ifPresent(v -> p.put("voice", v));
        r.language().ifPresent(v -> p.put("language", v));
        return p;
    }

    static Map<String, Object> parameters(PlivoDigits r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("digits", r.digits());
        r.leg().ifPresent(v -> p.put("leg", v.wire()));
        return p;
    }

    static Map<String, Object> parameters(PlivoEndpointRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", r.username());
        p.put("password", r.password());
        p.put("alias", r.alias());
        r.appId().ifPresent(v -> p.put("app_id", v));
        return p;
    }

    static Map<String, Object> parameters(PlivoEndpointChanges r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("password", r.password());
        p.put("alias", r.alias());
        r.appId().ifPresent(v -> p.put("app_id", v));
        return p;
    }

    static Map<String, Object> parameters(PlivoNumberChanges r) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (r.unlinkApp()) {
            p.put("app_id", null); // written as JSON null: Plivo unlinks the application
        }
        r.appId().ifPresent(v -> p.put("app_id", v));
        r.subaccount().ifPresent(v -> p.put("subaccount", v));
        r.alias().ifPresent(v -> p.put("alias", v));
        if (p.isEmpty()) {
            throw SwitchboardException.invalid("app_id",
                    "or subaccount or alias is required: there is nothing to change");
        }
        return p;
    }

    static Map<String, String> parameters(PlivoNumberSearch r) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("country_iso", r.countryIso());
        r.type().ifPresent(v -> q.put("type", v));
        r.pattern().ifPresent(v -> q.put("pattern", v));
        r.region().ifPresent(v -> q.put("region", v));
        r.services().ifPresent(v -> q.put("services", v));
        r.lata().ifPresent(v -> q.put("lata", v));
        r.rateCenter().ifPresent(v -> q.put("rate_center", v));
        return q;
    }

    static Map<String, Object> parameters(PlivoCarrierNumbers r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("numbers", String.join(",", r.numbers().stream().map(PhoneNumber::digits).toList()));
        p.put("carrier", r.carrier());
        p.put("region", r.region());
        r.numberType().ifPresent(v -> p.put("number_type", v));
        r.appId().ifPresent(v -> p.put("app_id", v));
        r.subaccount().ifPresent(v -> p.put("subaccount", v));
        return p;
    }

    static Map<String, Object> carrierToAdd(PlivoCarrierRequest r) {
        if (r.name().isEmpty()) {
            throw SwitchboardException.invalid("name", "is required to add an incoming carrier");
        }
        if (r.ipSet().isEmpty()) {
            throw SwitchboardException.invalid("ip_set", "is required to add an incoming carrier");
        }
        return parameters(r);
    }

    static Map<String, Object> carrierToModify(PlivoCarrierRequest r) {
        if (r.name().isEmpty() && r.ipSet().isEmpty()) {
            throw SwitchboardException.invalid("name", "or ip_set is required: there is nothing to change");
        }
        return parameters(r);
    }

    private static Map<String, Object> parameters(PlivoCarrierRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        r.name().ifPresent(v -> p.put("name", v));
        if (!r.ipSet().isEmpty()) {
            p.put("ip_set", String.join(",", r.ipSet()));
        }
        return p;
    }

    static Map<String, String> parameters(PlivoRecordingFilter r) {
        Map<String, String> q = new LinkedHashMap<>();
        r.addedFrom().ifPresent(v -> q.put("add_time__gte", PlivoMapper.filterTime(v)));
        r.addedUntil().ifPresent(v -> q.put("add_time__lt", PlivoMapper.filterTime(v)));
        r.subaccount().ifPresent(v -> q.put("subaccount", v));
        r.callUuid().ifPresent(v -> q.put("call_uuid", v));
        return q;
    }

    static Map<String, Object> parameters(PlivoRecordingOptions r) {
        Map<String, Object> p = new LinkedHashMap<>();
        r.timeLimit().ifPresent(v -> p.put("time_limit", v));
        r.fileFormat().ifPresent(v -> p.put("file_format", v));
        r.transcriptionType().ifPresent(v -> p.put("transcription_type", v));
        r.transcriptionUrl().ifPresent(v -> p.put("transcription_url", v.toString()));
        r.transcriptionMethod().ifPresent(v -> p.put("transcription_method", v));
        r.callbackUrl().ifPresent(v -> p.put("callback_url", v.toString()));
        r.callbackMethod().ifPresent(v -> p.put("callback_method", v));
        return p;
    }
}
