package io.switchboard.adapters.plivo;

import com.squareup.moshi.Json;

import java.util.List;

/**
 * The answers of Plivo's operations beyond {@link PlivoDtos}, with the wire's snake_case names. As
 * there, every field is nullable, and fields Plivo sends as a number in one answer and a string in another are
 * {@code Object}; the mapper reads them. Public only because Moshi binds records through public accessors.
 */
final class PlivoMarketplaceDtos {

    private PlivoMarketplaceDtos() {
    }

    /** The answer to a change or an action: {@code {"api_id", "message"}} ("changed", "call transferred" ...). */
    public record Ack(@Json(name = "api_id") String apiId, String message) {
    }

    public record SubaccountCreated(
            @Json(name = "api_id") String apiId,
            @Json(name = "auth_id") String authId,
            @Json(name = "auth_token") String authToken,
            String message) {
    }

    public record SubaccountDto(
            String account,
            @Json(name = "auth_id") String authId,
            @Json(name = "auth_token") String authToken,
            String created,
            Boolean enabled,
            String modified,
            String name,
            @Json(name = "resource_uri") String resourceUri) {
    }

    public record ApplicationCreated(@Json(name = "api_id") String apiId, @Json(name = "app_id") Object appId,
            String message) {
    }

    public record RecordingStarted(
            @Json(name = "api_id") String apiId,
            String message,
            @Json(name = "recording_id") String recordingId,
            String url) {
    }

    public record ConferenceList(@Json(name = "api_id") String apiId, List<String> conferences) {
    }

    public record MemberDto(
            Boolean muted,
            @Json(name = "member_id") Object memberId,
            Boolean deaf,
            String from,
            String to,
            @Json(name = "caller_name") String callerName,
            String direction,
            @Json(name = "call_uuid") String callUuid,
            @Json(name = "join_time") Object joinTime) {
    }

    public record ConferenceDto(
            @Json(name = "conference_name") String conferenceName,
            @Json(name = "conference_run_time") Object conferenceRunTime,
            @Json(name = "conference_member_count") Object conferenceMemberCount,
            List<MemberDto> members) {
    }

    public record EndpointCreated(
            String alias,
            @Json(name = "api_id") String apiId,
            @Json(name = "endpoint_id") Object endpointId,
            String message,
            String username) {
    }

    /** An endpoint; its {@code password} (a hash) is deliberately not bound. */
    public record EndpointDto(
            String alias,
            String application,
            @Json(name = "endpoint_id") Object endpointId,
            @Json(name = "resource_uri") String resourceUri,
            @Json(name = "sip_registered") Object sipRegistered,
            @Json(name = "sip_uri") String sipUri,
            @Json(name = "sub_account") String subAccount,
            String username) {
    }

    public record AvailableNumberDto(
            String number,
            Object prefix,
            String city,
            String country,
            String region,
            @Json(name = "rate_center") String rateCenter,
            Object lata,
            String type,
            @Json(name = "sub_type") String subType,
            @Json(name = "setup_rate") String setupRate,
            @Json(name = "monthly_rental_rate") String monthlyRentalRate,
            @Json(name = "sms_enabled") Boolean smsEnabled,
            @Json(name = "sms_rate") String smsRate,
            @Json(name = "voice_enabled") Boolean voiceEnabled,
            @Json(name = "voice_rate") String voiceRate,
            @Json(name = "mms_enabled") Boolean mmsEnabled,
            String restriction,
            @Json(name = "restriction_text") String restrictionText) {
    }

    public record BoughtNumber(String number, String status) {
    }

    public record BuyResponse(
            @Json(name = "api_id") String apiId,
            String message,
            List<BoughtNumber> numbers,
            String status) {
    }

    public record CarrierCreated(@Json(name = "api_id") String apiId, @Json(name = "carrier_id") Object carrierId,
            String message) {
    }

    /** {@code ip_set} is a comma-separated string, or a list in some answers. */
    public record CarrierDto(
            @Json(name = "carrier_id") Object carrierId,
            @Json(name = "ip_set") Object ipSet,
            String name,
            @Json(name = "resource_uri") String resourceUri,
            Boolean sms,
            Boolean voice) {
    }
}
