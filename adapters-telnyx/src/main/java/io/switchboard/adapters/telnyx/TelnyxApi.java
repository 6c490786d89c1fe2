package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.recording.Recording;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Telnyx's own operations, with the parameters the ports do not carry (Telnyx's {@code filter[...]} parameters, the
 * MMS subject and flag, calls by session, the full balance). Lists page by Telnyx page number: {@link #page(int, int)}
 * asks for a given page, and each page's cursor is the next page number. Failures are the same classified
 * {@link SwitchboardException}s the ports raise.
 */
public final class TelnyxApi {

    private final TelnyxErrors errors;
    private final TelnyxMessaging messaging;
    private final Optional<TelnyxVoice> voice;
    private final TelnyxNumbers numbers;
    private final TelnyxRecordings recordings;
    private final TelnyxAccount accountPort;
    private final TelnyxLookup lookupPort;
    private final TelnyxConfig config;
    private final TelnyxPager pager;

    TelnyxApi(TelnyxConfig config, TelnyxErrors errors, TelnyxPager pager, TelnyxMessaging messaging,
            Optional<TelnyxVoice> voice, TelnyxNumbers numbers, TelnyxRecordings recordings, TelnyxAccount account,
            TelnyxLookup lookup) {
        this.config = config;
        this.errors = errors;
        this.pager = pager;
        this.messaging = messaging;
        this.voice = voice;
        this.numbers = numbers;
        this.recordings = recordings;
        this.accountPort = account;
        this.lookupPort = lookup;
    }

    /** Page {@code number} (from 1) of {@code size} items (Telnyx allows at most 250; larger sizes are clamped). */
    public static PageRequest page(int number, int size) {
        Checks.positive(number, "page number");
        return new PageRequest(size, Optional.of(Integer.toString(number)));
    }

    /**
     * Telnyx's list phone numbers: GET /phone_numbers with {@code filter[phone_number]},
     * {@code filter[status]}.
     */
    public Page<OwnedNumber> listPhoneNumbers(TelnyxFilters.Numbers filter, PageRequest page) {
        errors.required(filter, "filter");
        return numbers.list(filter.phoneNumber(), filter.status(), page);
    }

    /** Telnyx's retrieve a phone number: GET /phone_numbers/{id}. */
    public OwnedNumber phoneNumber(String phoneNumberId) {
        return numbers.get(errors.id(phoneNumberId, "phoneNumberId"));
    }

    /** Telnyx's send a message: POST /messages with {@code subject}, {@code media_urls} and {@code type} MMS or SMS. */
    public Message sendSms(TelnyxSendRequest request) {
        errors.required(request, "request");
        List<String> media = request.mediaUrls().stream().map(URI::toString).toList();
        return messaging.send(new TelnyxDto.SendMessage(request.from().trim(), request.to().e164(),
                request.text().isEmpty() ? null : request.text(), request.subject().orElse(null),
                media.isEmpty() ? null : media, request.useMms() ? "MMS" : "SMS",
                request.webhookUrl().map(URI::toString).orElse(null), config.messagingProfileId().orElse(null)));
    }

    /**
     * Messages with Telnyx's filters. Telnyx has no plain message list: this reads message detail records, GET
     * /detail_records?filter[record_type]=messaging, with {@code filter[direction]}, {@code filter[cli]} (source),
     * {@code filter[cld]} (destination) and {@code filter[status]}. Records carry no message body.
     */
    public Page<Message> listMessages(TelnyxFilters.Messages filter, PageRequest page) {
        errors.required(filter, "filter");
        errors.required(page, "page");
        Map<String, String> query = pager.query(page);
        TelnyxPager.put(query, "filter[direction]", filter.direction());
        TelnyxPager.put(query, "filter[cli]", filter.source());
        TelnyxPager.put(query, "filter[cld]", filter.destination());
        TelnyxPager.put(query, "filter[status]", filter.status());
        return messaging.records(query, page);
    }

    /**
     * Calls with Telnyx's filters. Telnyx has no plain call list: this reads call-control detail records, GET
     * /detail_records?filter[record_type]=call-control, with {@code filter[status]}. Live calls are in
     * {@link io.switchboard.domain.port.VoicePort#list}.
     */
    public Page<Call> listCalls(TelnyxFilters.Calls filter, PageRequest page) {
        errors.required(filter, "filter");
        errors.required(page, "page");
        TelnyxVoice calls = voice();
        Map<String, String> query = pager.query(page);
        TelnyxPager.put(query, "filter[status]", filter.status());
        return calls.history(query, pager.number(page), TelnyxPager.size(page));
    }

    /**
     * A call by {@code call_session_id}, which no Telnyx endpoint takes as a path. Read from the
     * call-control detail records ({@code filter[call_session_id]}), else from the connection's live calls (GET
     * /connections/{id}/active_calls); NOT_FOUND when neither has it.
     */
    public Call callBySession(String callSessionId) {
        return voice().bySession(callSessionId);
    }

    /** GET /calls/{call_control_id}, as {@link io.switchboard.domain.port.VoicePort#get}. */
    public Call call(String callControlId) {
        return voice().get(callControlId);
    }

    /**
     * Telnyx's list recordings: GET /recordings with {@code filter[call_session_id]},
     * {@code filter[conference_id]} and {@code filter[call_control_id]}.
     */
    public Page<Recording> listCallRecordings(TelnyxFilters.Recordings filter, PageRequest page) {
        errors.required(filter, "filter");
        errors.required(page, "page");
        Map<String, String> query = pager.query(page);
        TelnyxPager.put(query, "filter[call_session_id]", filter.callSessionId());
        TelnyxPager.put(query, "filter[conference_id]", filter.conferenceId());
        TelnyxPager.put(query, "filter[call_control_id]", filter.callControlId());
        return recordings.list(query, page);
    }

    /** GET /recordings/{id}. */
    public Recording recording(String id) {
        return recordings.get(id);
    }

    /** DELETE /recordings/{id}. */
    public void deleteRecording(String id) {
        recordings.delete(id);
    }

    /** GET /balance: balance, credit limit, available credit and pending charges. */
    public TelnyxBalance balance() {
        return accountPort.balance();
    }

    /** GET /number_lookup/{phone_number}, as {@link io.switchboard.domain.port.LookupPort#lookup}. */
    public NumberLookup lookup(PhoneNumber number, Set<LookupField> fields) {
        return lookupPort.lookup(number, fields);
    }

    /**
     * Always UNSUPPORTED: Telnyx publishes no pricing API. Telnyx accounts are priced from the rate-deck CSVs a user
     * downloads from Telnyx and loads into the price book.
     */
    public List<RateDeck.Entry> vendorRates(String countryIso, Product product) {
        throw errors.unsupported(noPricingApi(config));
    }

    static String noPricingApi(TelnyxConfig config) {
        return "Telnyx has no pricing API, so " + config.account() + " cannot fetch vendor prices: Telnyx accounts"
                + " are priced from rate-deck CSVs loaded through the price book";
    }

    private TelnyxVoice voice() {
        return voice.orElseThrow(() -> errors.unsupported("voice on " + config.account()
                + " needs a Call Control connection: set connectionId in its TelnyxConfig"));
    }
}
