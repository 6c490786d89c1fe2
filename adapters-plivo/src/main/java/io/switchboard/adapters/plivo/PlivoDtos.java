package io.switchboard.adapters.plivo;

import com.squareup.moshi.Json;

import java.util.List;

/**
 * Plivo's JSON bodies as records, with the wire's snake_case names. Every field is nullable and statuses stay
 * strings, so that a field Plivo drops or a status it adds never breaks parsing; the mapper decides what they mean.
 * The records are public only because Moshi binds records through public accessors; their enclosing class keeps
 * them out of the API.
 */
final class PlivoDtos {

    private PlivoDtos() {
    }

    // ---- requests

    public record SendMessageBody(
            String src,
            String dst,
            String text,
            String type,
            @Json(name = "media_urls") List<String> mediaUrls,
            String url,
            String method,
            Boolean log) {
    }

    public record MakeCallBody(
            String from,
            String to,
            @Json(name = "answer_url") String answerUrl,
            @Json(name = "answer_method") String answerMethod,
            @Json(name = "hangup_url") String hangupUrl,
            @Json(name = "hangup_method") String hangupMethod) {
    }

    // ---- responses

    public record Meta(
            Integer limit,
            Integer offset,
            String next,
            String previous,
            @Json(name = "total_count") Integer totalCount) {
    }

    public record ListEnvelope<T>(@Json(name = "api_id") String apiId, Meta meta, List<T> objects) {
    }

    public record SendResponse(
            @Json(name = "api_id") String apiId,
            String message,
            @Json(name = "message_uuid") List<String> messageUuid,
            @Json(name = "invalid_number") List<String> invalidNumber) {
    }

    /** {@code request_uuid} is a string for one destination and may be a list for several. */
    public record MakeCallResponse(
            @Json(name = "api_id") String apiId,
            String message,
            @Json(name = "request_uuid") Object requestUuid) {
    }

    /** {@code error} is usually text, and sometimes an object of field name to messages. */
    public record ErrorBody(@Json(name = "api_id") String apiId, Object error) {
    }

    public record MessageDto(
            @Json(name = "message_uuid") String messageUuid,
            @Json(name = "from_number") String fromNumber,
            @Json(name = "to_number") String toNumber,
            @Json(name = "message_direction") String messageDirection,
            @Json(name = "message_state") String messageState,
            @Json(name = "message_time") String messageTime,
            @Json(name = "message_type") String messageType,
            Integer units,
            @Json(name = "total_amount") String totalAmount,
            @Json(name = "total_rate") String totalRate,
            @Json(name = "error_code") Object errorCode,
            @Json(name = "resource_uri") String resourceUri,
            @Json(name = "message_sent_time") String messageSentTime,
            @Json(name = "message_updated_time") String messageUpdatedTime) {
    }

    /**
     * A call detail record (ended call). Plivo's Call object has no status field; some answers add a
     * {@code call_state} ({@code ANSWER} ...) or {@code call_status}, and the hangup cause says how it ended.
     */
    public record CallDto(
            @Json(name = "call_uuid") String callUuid,
            @Json(name = "from_number") String fromNumber,
            @Json(name = "to_number") String toNumber,
            @Json(name = "call_direction") String callDirection,
            @Json(name = "call_duration") Long callDuration,
            @Json(name = "bill_duration") Long billDuration,
            @Json(name = "billed_duration") Long billedDuration,
            @Json(name = "initiation_time") String initiationTime,
            @Json(name = "answer_time") String answerTime,
            @Json(name = "end_time") String endTime,
            @Json(name = "total_amount") String totalAmount,
            @Json(name = "total_rate") String totalRate,
            @Json(name = "hangup_cause_name") String hangupCauseName,
            @Json(name = "call_state") String callState,
            @Json(name = "call_status") String callStatus,
            @Json(name = "hangup_source") String hangupSource,
            @Json(name = "parent_call_uuid") String parentCallUuid) {
    }

    /** A live or queued call, as {@code Call/{uuid}/?status=live|queued} returns it. */
    public record LiveCallDto(
            @Json(name = "call_uuid") String callUuid,
            @Json(name = "request_uuid") String requestUuid,
            String from,
            String to,
            String direction,
            @Json(name = "call_status") String callStatus,
            @Json(name = "caller_name") String callerName,
            @Json(name = "session_start") String sessionStart) {
    }

    public record LiveCallList(@Json(name = "api_id") String apiId, List<String> calls) {
    }

    public record NumberDto(
            String number,
            String alias,
            String application,
            String carrier,
            @Json(name = "number_type") String numberType,
            String region,
            String country,
            @Json(name = "sms_enabled") Boolean smsEnabled,
            @Json(name = "voice_enabled") Boolean voiceEnabled,
            @Json(name = "mms_enabled") Boolean mmsEnabled,
            @Json(name = "sms_rate") String smsRate,
            @Json(name = "voice_rate") String voiceRate,
            @Json(name = "monthly_rental_rate") String monthlyRentalRate,
            @Json(name = "added_on") String addedOn,
            @Json(name = "resource_uri") String resourceUri,
            @Json(name = "sub_account") String subAccount) {
    }

    /** {@code default_app} is the default application of new numbers. */
    public record ApplicationDto(
            @Json(name = "app_id") String appId,
            @Json(name = "app_name") String appName,
            @Json(name = "answer_url") String answerUrl,
            @Json(name = "answer_method") String answerMethod,
            @Json(name = "hangup_url") String hangupUrl,
            @Json(name = "hangup_method") String hangupMethod,
            @Json(name = "message_url") String messageUrl,
            @Json(name = "message_method") String messageMethod,
            @Json(name = "fallback_answer_url") String fallbackAnswerUrl,
            @Json(name = "fallback_method") String fallbackMethod,
            @Json(name = "default_app") Boolean defaultApp,
            @Json(name = "default_endpoint_app") Boolean defaultEndpointApp,
            @Json(name = "sub_account") String subAccount,
            @Json(name = "resource_uri") String resourceUri) {
    }

    public record AccountDto(
            @Json(name = "auth_id") String authId,
            @Json(name = "account_type") String accountType,
            @Json(name = "cash_credits") String cashCredits,
            @Json(name = "billing_mode") String billingMode,
            @Json(name = "auto_recharge") Boolean autoRecharge,
            String name,
            String city,
            String address,
            String timezone) {
    }

    public record RecordingDto(
            @Json(name = "recording_id") String recordingId,
            @Json(name = "recording_url") String recordingUrl,
            @Json(name = "recording_format") String recordingFormat,
            @Json(name = "recording_type") String recordingType,
            @Json(name = "recording_duration_ms") Object recordingDurationMs,
            @Json(name = "call_uuid") String callUuid,
            @Json(name = "conference_name") String conferenceName,
            @Json(name = "add_time") String addTime,
            @Json(name = "from_number") String fromNumber,
            @Json(name = "to_number") String toNumber) {
    }

    public record RateDto(String rate) {
    }

    public record NetworkRateDto(@Json(name = "group_name") String groupName, String rate) {
    }

    public record PrefixRateDto(
            List<String> prefix,
            @Json(name = "origination_prefix") List<String> originationPrefix,
            String rate) {
    }

    public record MessagePricing(RateDto outbound, RateDto inbound,
            @Json(name = "outbound_networks_list") List<NetworkRateDto> outboundNetworksList) {
    }

    public record VoiceOutbound(List<PrefixRateDto> rates, RateDto local, RateDto tollfree, RateDto ip) {
    }

    public record VoiceInbound(RateDto local, RateDto tollfree, RateDto ip) {
    }

    public record VoicePricing(VoiceOutbound outbound, VoiceInbound inbound) {
    }

    public record NumberPricing(RateDto local, RateDto tollfree) {
    }

    public record PricingDto(
            @Json(name = "api_id") String apiId,
            String country,
            @Json(name = "country_code") Integer countryCode,
            @Json(name = "country_iso") String countryIso,
            MessagePricing message,
            VoicePricing voice,
            @Json(name = "phone_numbers") NumberPricing phoneNumbers) {
    }
}
