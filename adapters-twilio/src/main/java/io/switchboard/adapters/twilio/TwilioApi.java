package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.account.UsageTrigger;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Twilio offers beyond the ports, for one account: usage triggers, WhatsApp sends, Lookup v2 data packages,
 * subaccounts, per-carrier and per-number prices, and message lists by send day. Failures are raised as
 * {@link io.switchboard.domain.SwitchboardException}, classified as on the ports.
 */
public final class TwilioApi {

    private final TwilioContext ctx;
    private final TwilioMessaging messaging;
    private final TwilioLookup lookup;
    private final TwilioAccount account;
    private final TwilioPricing pricing;

    TwilioApi(TwilioContext ctx, TwilioMessaging messaging, TwilioLookup lookup, TwilioAccount account,
            TwilioPricing pricing) {
        this.ctx = ctx;
        this.messaging = messaging;
        this.lookup = lookup;
        this.account = account;
        this.pricing = pricing;
    }

    /** Sends a WhatsApp message; Twilio's {@code whatsapp:} prefix is added to both numbers here. */
    public Message sendWhatsApp(PhoneNumber to, PhoneNumber from, String body, List<URI> media) {
        return ctx.guard(() -> {
            MessageRequest request = new MessageRequest(to, from, body == null ? "" : body, media, Channel.WHATSAPP,
                    Optional.empty(), Optional.empty());
            return messaging.send(request);
        });
    }

    /** One page of messages sent on {@code sentOn} (UTC day, Twilio's {@code DateSent}), with the query's filters. */
    public Page<Message> listMessages(MessageQuery query, LocalDate sentOn, PageRequest page) {
        return ctx.guard(() -> {
            return messaging.list(query, sentOn, page);
        });
    }

    /**
     * Up to {@code limit} messages, fetched {@code pageSize} at a time (at most 1000, Twilio's maximum) by following
     * {@code next_page_uri}; {@code sentOn} may be null.
     */
    public List<Message> listMessages(MessageQuery query, LocalDate sentOn, int limit, int pageSize) {
        return ctx.guard(() -> {
            return Pages.collect(page -> messaging.list(query, sentOn, page), limit, TwilioPager.clamp(pageSize));
        });
    }

    /** Creates a usage trigger: Twilio calls the request's URL when the category's usage reaches the value. */
    public UsageTrigger createUsageTrigger(UsageTriggerRequest request) {
        return ctx.guard(() -> {
            Checks.required(request, "request");
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("UsageCategory", request.usageCategory());
            fields.put("TriggerValue", request.triggerValue().trim());
            fields.put("CallbackUrl", request.callbackUrl().toString());
            request.recurring().ifPresent(value -> fields.put("Recurring", value));
            request.triggerBy().ifPresent(value -> fields.put("TriggerBy", value));
            request.friendlyName().ifPresent(value -> fields.put("FriendlyName", value));
            return ctx.exchange.write(ctx.http.rest.createUsageTrigger(ctx.accountSid(), fields),
                    "create usage trigger", ctx.mapper::usageTrigger);
        });
    }

    /** Lookup v2 with any of Twilio's data packages; an empty set asks for validation only. */
    public TwilioNumberLookup lookup(PhoneNumber number, Set<TwilioLookupField> fields) {
        return ctx.guard(() -> {
            return lookup.lookupTwilio(number, fields);
        });
    }

    /** The details of this account or of one of its subaccounts ({@code AC...}). */
    public AccountInfo account(String accountSid) {
        return ctx.guard(() -> {
            return account.info(accountSid);
        });
    }

    /** Twilio's outbound messaging prices for a country, per carrier and number type. */
    public List<CarrierPrice> messagingPrices(String countryIso) {
        return ctx.guard(() -> {
            return pricing.messagingPrices(countryIso);
        });
    }

    /** The highest per-minute price Twilio lists for a call to {@code number}; empty when it lists none. */
    public Optional<Rate> voiceRateTo(PhoneNumber number) {
        return ctx.guard(() -> {
            return pricing.voiceRateTo(number);
        });
    }

    /** ISO codes of the countries Twilio prices for SMS or VOICE. */
    public List<String> pricedCountries(Product product) {
        return ctx.guard(() -> {
            return pricing.pricedCountries(product);
        });
    }
}
