package io.switchboard.adapters.twilio;

import com.squareup.moshi.Json;

import java.util.List;
import java.util.Map;

/**
 * Twilio's JSON, field for field, as Moshi reads it. Scalars are read as strings whatever their JSON type (Twilio
 * sends counts and prices as strings, sometimes as numbers) and enums are plain strings, so an unexpected value never
 * fails parsing; the mapper interprets them. The records are public only because Moshi needs to reach their
 * accessors; this holder class keeps them out of the adapter's API.
 */
final class TwilioDtos {

    private TwilioDtos() {
    }

    /** A REST (2010 API) list page: items under a resource-named key, and a relative next-page URI or null. */
    interface RestPage<T> {
        List<T> items();

        String nextPageUri();
    }

    public record MessageDto(
            String sid,
            @Json(name = "account_sid") String accountSid,
            String from,
            String to,
            String body,
            String status,
            String direction,
            @Json(name = "num_segments") String numSegments,
            @Json(name = "num_media") String numMedia,
            String price,
            @Json(name = "price_unit") String priceUnit,
            @Json(name = "error_code") String errorCode,
            @Json(name = "error_message") String errorMessage,
            @Json(name = "date_created") String dateCreated,
            @Json(name = "date_sent") String dateSent,
            @Json(name = "date_updated") String dateUpdated,
            String uri) {
    }

    public record MessagePage(List<MessageDto> messages, @Json(name = "next_page_uri") String nextPageUri)
            implements RestPage<MessageDto> {
        @Override
        public List<MessageDto> items() {
            return messages;
        }
    }

    public record CallDto(
            String sid,
            @Json(name = "account_sid") String accountSid,
            String from,
            String to,
            String status,
            String direction,
            @Json(name = "start_time") String startTime,
            @Json(name = "end_time") String endTime,
            @Json(name = "date_created") String dateCreated,
            String duration,
            String price,
            @Json(name = "price_unit") String priceUnit,
            @Json(name = "parent_call_sid") String parentCallSid,
            @Json(name = "answered_by") String answeredBy,
            String uri) {
    }

    public record CallPage(List<CallDto> calls, @Json(name = "next_page_uri") String nextPageUri)
            implements RestPage<CallDto> {
        @Override
        public List<CallDto> items() {
            return calls;
        }
    }

    public record NumberDto(
            String sid,
            @Json(name = "account_sid") String accountSid,
            @Json(name = "phone_number") String phoneNumber,
            @Json(name = "friendly_name") String friendlyName,
            Map<String, Object> capabilities,
            String status,
            @Json(name = "voice_url") String voiceUrl,
            @Json(name = "sms_url") String smsUrl,
            @Json(name = "date_created") String dateCreated) {
    }

    public record NumberPage(
            @Json(name = "incoming_phone_numbers") List<NumberDto> incomingPhoneNumbers,
            @Json(name = "next_page_uri") String nextPageUri) implements RestPage<NumberDto> {
        @Override
        public List<NumberDto> items() {
            return incomingPhoneNumbers;
        }
    }

    /** The account resource. Its {@code auth_token} field is deliberately not declared, so it is never kept. */
    public record AccountDto(
            String sid,
            @Json(name = "friendly_name") String friendlyName,
            String status,
            String type,
            @Json(name = "owner_account_sid") String ownerAccountSid,
            @Json(name = "date_created") String dateCreated) {
    }

    public record UsageTriggerDto(
            String sid,
            @Json(name = "account_sid") String accountSid,
            @Json(name = "usage_category") String usageCategory,
            @Json(name = "trigger_value") String triggerValue,
            @Json(name = "current_value") String currentValue,
            @Json(name = "trigger_by") String triggerBy,
            String recurring,
            @Json(name = "callback_url") String callbackUrl,
            @Json(name = "friendly_name") String friendlyName,
            @Json(name = "date_fired") String dateFired) {
    }

    public record UsageRecordDto(
            String category,
            String description,
            String count,
            @Json(name = "count_unit") String countUnit,
            String usage,
            @Json(name = "usage_unit") String usageUnit,
            String price,
            @Json(name = "price_unit") String priceUnit,
            @Json(name = "start_date") String startDate,
            @Json(name = "end_date") String endDate) {
    }

    public record UsageRecordPage(
            @Json(name = "usage_records") List<UsageRecordDto> usageRecords,
            @Json(name = "next_page_uri") String nextPageUri) implements RestPage<UsageRecordDto> {
        @Override
        public List<UsageRecordDto> items() {
            return usageRecords;
        }
    }

    public record RecordingDto(
            String sid,
            @Json(name = "account_sid") String accountSid,
            @Json(name = "call_sid") String callSid,
            @Json(name = "conference_sid") String conferenceSid,
            String duration,
            String status,
            String channels,
            String source,
            String price,
            @Json(name = "price_unit") String priceUnit,
            @Json(name = "start_time") String startTime,
            @Json(name = "date_created") String dateCreated,
            @Json(name = "media_url") String mediaUrl) {
    }

    public record RecordingPage(List<RecordingDto> recordings, @Json(name = "next_page_uri") String nextPageUri)
            implements RestPage<RecordingDto> {
        @Override
        public List<RecordingDto> items() {
            return recordings;
        }
    }

    /** Twilio's error body: {@code {"code": 21211, "message": "...", "more_info": "...", "status": 400}}. */
    public record ErrorDto(String code, String message, @Json(name = "more_info") String moreInfo, String status) {
    }

    public record LookupDto(
            @Json(name = "phone_number") String phoneNumber,
            @Json(name = "national_format") String nationalFormat,
            @Json(name = "country_code") String countryCode,
            @Json(name = "calling_country_code") String callingCountryCode,
            Boolean valid,
            @Json(name = "validation_errors") List<String> validationErrors,
            @Json(name = "line_type_intelligence") LineTypeDto lineTypeIntelligence,
            @Json(name = "caller_name") CallerNameDto callerName,
            @Json(name = "sim_swap") Map<String, Object> simSwap,
            @Json(name = "call_forwarding") Map<String, Object> callForwarding,
            @Json(name = "line_status") Map<String, Object> lineStatus,
            @Json(name = "identity_match") Map<String, Object> identityMatch,
            @Json(name = "reassigned_number") Map<String, Object> reassignedNumber,
            @Json(name = "sms_pumping_risk") Map<String, Object> smsPumpingRisk,
            @Json(name = "phone_number_quality_score") Map<String, Object> phoneNumberQualityScore,
            @Json(name = "pre_fill") Map<String, Object> preFill) {
    }

    public record LineTypeDto(
            @Json(name = "carrier_name") String carrierName,
            String type,
            @Json(name = "mobile_country_code") String mobileCountryCode,
            @Json(name = "mobile_network_code") String mobileNetworkCode,
            @Json(name = "error_code") String errorCode) {
    }

    public record CallerNameDto(
            @Json(name = "caller_name") String callerName,
            @Json(name = "caller_type") String callerType,
            @Json(name = "error_code") String errorCode) {
    }

    /** Pricing and Lookups (product APIs) page with absolute URLs in {@code meta}. */
    public record Meta(@Json(name = "next_page_url") String nextPageUrl, Integer page,
            @Json(name = "page_size") Integer pageSize, String key) {
    }

    public record CountryRef(String country, @Json(name = "iso_country") String isoCountry) {
    }

    public record CountryPage(List<CountryRef> countries, Meta meta) {
    }

    public record NumberTypePrice(@Json(name = "number_type") String numberType,
            @Json(name = "base_price") String basePrice, @Json(name = "current_price") String currentPrice) {
    }

    public record CarrierPrices(String carrier, String mcc, String mnc, List<NumberTypePrice> prices) {
    }

    public record MessagingCountryDto(
            String country,
            @Json(name = "iso_country") String isoCountry,
            @Json(name = "price_unit") String priceUnit,
            @Json(name = "outbound_sms_prices") List<CarrierPrices> outboundSmsPrices,
            @Json(name = "inbound_sms_prices") List<NumberTypePrice> inboundSmsPrices) {
    }

    public record PrefixPrice(
            @Json(name = "destination_prefixes") List<String> destinationPrefixes,
            @Json(name = "origination_prefixes") List<String> originationPrefixes,
            @Json(name = "friendly_name") String friendlyName,
            @Json(name = "base_price") String basePrice,
            @Json(name = "current_price") String currentPrice) {
    }

    public record VoiceCountryDto(
            String country,
            @Json(name = "iso_country") String isoCountry,
            @Json(name = "price_unit") String priceUnit,
            @Json(name = "outbound_prefix_prices") List<PrefixPrice> outboundPrefixPrices,
            @Json(name = "inbound_call_prices") List<NumberTypePrice> inboundCallPrices) {
    }

    public record OutboundCallPrice(
            @Json(name = "base_price") String basePrice,
            @Json(name = "current_price") String currentPrice,
            @Json(name = "origination_prefixes") List<String> originationPrefixes) {
    }

    public record VoiceNumberDto(
            @Json(name = "destination_number") String destinationNumber,
            String country,
            @Json(name = "iso_country") String isoCountry,
            @Json(name = "price_unit") String priceUnit,
            @Json(name = "outbound_call_prices") List<OutboundCallPrice> outboundCallPrices) {
    }
}
