package io.switchboard.adapters.twilio;

import com.squareup.moshi.Moshi;
import io.switchboard.adapters.http.AccountHttp;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * One account's HTTP stack: the {@link AccountHttp} derived from the shared client (its dispatcher, this account's
 * timeouts and Basic auth), and one Retrofit service per Twilio host making its tracked calls.
 */
final class TwilioHttp {

    static final String USER_AGENT = "switchboard-twilio/0.1";

    final AccountHttp exchange;
    /** This account's client: the shared dispatcher, its own auth and timeouts. */
    final OkHttpClient client;
    final TwilioRestService rest;
    final TwilioLookupsService lookups;
    final TwilioPricingService pricing;
    final Moshi moshi;

    private TwilioHttp(AccountHttp exchange, TwilioRestService rest, TwilioLookupsService lookups,
            TwilioPricingService pricing, Moshi moshi) {
        this.exchange = exchange;
        this.client = exchange.client();
        this.rest = rest;
        this.lookups = lookups;
        this.pricing = pricing;
        this.moshi = moshi;
    }

    static TwilioHttp create(TwilioConfig config, OkHttpClient shared) {
        AccountHttp exchange = AccountHttp.derivedFrom(shared)
                .timeouts(config.timeouts())
                .authorization(Credentials.basic(config.username(), config.secret()))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json")
                .build();
        Moshi moshi = new Moshi.Builder().build();
        MoshiConverterFactory converters = MoshiConverterFactory.create(moshi);
        return new TwilioHttp(exchange,
                retrofit(config.apiBaseUrl(), exchange, converters).create(TwilioRestService.class),
                retrofit(config.lookupsBaseUrl(), exchange, converters).create(TwilioLookupsService.class),
                retrofit(config.pricingBaseUrl(), exchange, converters).create(TwilioPricingService.class),
                moshi);
    }

    private static Retrofit retrofit(okhttp3.HttpUrl baseUrl, AccountHttp exchange, MoshiConverterFactory converters) {
        return new Retrofit.Builder().baseUrl(baseUrl).callFactory(exchange.calls()).addConverterFactory(converters)
                .build();
    }
}
