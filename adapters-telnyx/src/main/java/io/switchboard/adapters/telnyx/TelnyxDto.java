package io.switchboard.adapters.telnyx;

import com.squareup.moshi.Json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Telnyx v2 wire shapes, as records Moshi reads and writes. Every component is a reference type so that a missing
 * field is {@code null} rather than a parse failure; enumerations travel as strings, so an unknown status never breaks
 * parsing. Timestamps stay strings and are parsed leniently by the mapper. The records are declared public only
 * because Moshi's record adapter needs public accessors; the enclosing class keeps them package-private.
 */
final class TelnyxDto {

    private TelnyxDto() {
    }

    // ---- envelopes

    /** {@code {"data": {...}}}. */
    public record One<T>(T data) {
    }

    /** {@code {"data": [...], "meta": {...}}} with page-number paging. */
    public record Many<T>(List<T> data, PageMeta meta) {
    }

    public record PageMeta(
            @Json(name = "total_pages") Integer totalPages,
            @Json(name = "total_results") Integer totalResults,
            @Json(name = "page_number") Integer pageNumber,
            @Json(name = "page_size") Integer pageSize) {
    }

    /** Active calls use cursor paging: {@code meta.cursors.after}. */
    public record CursorMany<T>(List<T> data, CursorMeta meta) {
    }

    public record CursorMeta(Cursors cursors, @Json(name = "total_items") Integer totalItems, String next) {
    }

    public record Cursors(String after, String before) {
    }

    /** {@code {"errors": [{code, title, detail, source{pointer}}]}}. */
    public record Errors(List<Error> errors) {
    }

    public record Error(String code, String title, String detail, Source source) {
    }

    public record Source(String pointer, String parameter) {
    }

    // ---- messages

    /** POST /messages body. */
    public record SendMessage(
            String from,
            String to,
            String text,
            String subject,
            @Json(name = "media_urls") List<String> mediaUrls,
            String type,
            @Json(name = "webhook_url") String webhookUrl,
            @Json(name = "messaging_profile_id") String messagingProfileId) {
    }

    /**
     * A message resource. {@code from} is an object ({@code {phone_number, carrier, line_type}}) in current payloads
     * and a bare string in older ones, so it is read as whatever JSON value it is.
     */
    public record Message(
            @Json(name = "record_type") String recordType,
            String id,
            String direction,
            String type,
            Object from,
            List<Recipient> to,
            String text,
            String subject,
            Integer parts,
            String encoding,
            Cost cost,
            List<Error> errors,
            @Json(name = "created_at") String createdAt,
            @Json(name = "received_at") String receivedAt,
            @Json(name = "sent_at") String sentAt,
            @Json(name = "completed_at") String completedAt) {
    }

    public record Recipient(@Json(name = "phone_number") String phoneNumber, String status, String carrier,
            @Json(name = "line_type") String lineType) {
    }

    public record Cost(BigDecimal amount, String currency) {
    }

    /** A messaging detail record (MDR) from GET /detail_records?filter[record_type]=messaging. */
    public record MessageRecord(
            @Json(name = "record_type") String recordType,
            String uuid,
            String id,
            String cli,
            String cld,
            String direction,
            String status,
            @Json(name = "message_type") String messageType,
            Integer parts,
            BigDecimal cost,
            BigDecimal rate,
            String currency,
            List<String> errors,
            @Json(name = "created_at") String createdAt,
            @Json(name = "sent_at") String sentAt,
            @Json(name = "completed_at") String completedAt) {
    }

    // ---- calls

    /** POST /calls body. */
    public record Dial(
            @Json(name = "connection_id") String connectionId,
            String to,
            String from,
            @Json(name = "webhook_url") String webhookUrl,
            @Json(name = "webhook_url_method") String webhookUrlMethod,
            @Json(name = "client_state") String clientState) {
    }

    /** A call from POST /calls and GET /calls/{call_control_id}. */
    public record Call(
            @Json(name = "record_type") String recordType,
            @Json(name = "call_control_id") String callControlId,
            @Json(name = "call_leg_id") String callLegId,
            @Json(name = "call_session_id") String callSessionId,
            @Json(name = "is_alive") Boolean isAlive,
            @Json(name = "call_duration") Long callDuration,
            @Json(name = "start_time") String startTime,
            @Json(name = "end_time") String endTime) {
    }

    /** A live call from GET /connections/{id}/active_calls. */
    public record ActiveCall(
            @Json(name = "call_control_id") String callControlId,
            @Json(name = "call_leg_id") String callLegId,
            @Json(name = "call_session_id") String callSessionId,
            @Json(name = "call_duration") Long callDuration,
            @Json(name = "record_type") String recordType) {
    }

    /** A call-control detail record from GET /detail_records?filter[record_type]=call-control. */
    public record CallRecord(
            @Json(name = "record_type") String recordType,
            String id,
            @Json(name = "call_control_id") String callControlId,
            @Json(name = "call_leg_id") String callLegId,
            @Json(name = "call_session_id") String callSessionId,
            String cli,
            String cld,
            String direction,
            String status,
            @Json(name = "call_sec") Long callSec,
            @Json(name = "billed_sec") Long billedSec,
            BigDecimal cost,
            BigDecimal rate,
            String currency,
            @Json(name = "started_at") String startedAt,
            @Json(name = "ended_at") String endedAt) {
    }

    // ---- numbers, recordings, account, lookup

    public record PhoneNumber(
            String id,
            @Json(name = "record_type") String recordType,
            @Json(name = "phone_number") String phoneNumber,
            String status,
            @Json(name = "phone_number_type") String phoneNumberType,
            @Json(name = "country_iso_alpha2") String countryIsoAlpha2,
            @Json(name = "connection_id") String connectionId,
            @Json(name = "messaging_profile_id") String messagingProfileId,
            @Json(name = "customer_reference") String customerReference,
            List<String> tags) {
    }

    public record Recording(
            String id,
            @Json(name = "call_control_id") String callControlId,
            @Json(name = "call_leg_id") String callLegId,
            @Json(name = "call_session_id") String callSessionId,
            @Json(name = "conference_id") String conferenceId,
            String channels,
            @Json(name = "download_urls") Map<String, String> downloadUrls,
            @Json(name = "duration_millis") Long durationMillis,
            String status,
            String source,
            @Json(name = "created_at") String createdAt,
            @Json(name = "recording_started_at") String recordingStartedAt,
            @Json(name = "recording_ended_at") String recordingEndedAt) {
    }

    public record Balance(
            BigDecimal balance,
            @Json(name = "credit_limit") BigDecimal creditLimit,
            @Json(name = "available_credit") BigDecimal availableCredit,
            BigDecimal pending,
            String currency) {
    }

    public record Lookup(
            @Json(name = "phone_number") String phoneNumber,
            @Json(name = "country_code") String countryCode,
            @Json(name = "national_format") String nationalFormat,
            Carrier carrier,
            @Json(name = "caller_name") CallerName callerName) {
    }

    public record Carrier(String name, String type, @Json(name = "normalized_carrier") String normalizedCarrier,
            @Json(name = "error_code") String errorCode) {
    }

    public record CallerName(@Json(name = "caller_name") String callerName,
            @Json(name = "error_code") String errorCode) {
    }
}
