package io.switchboard.adapters.twilio;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.switchboard.adapters.http.BoundedBodies;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * One account's HTTP stack: a client derived from the shared one (same connection pool and dispatcher) with this
 * account's timeouts and Basic auth, and one Retrofit service per Twilio host.
 */
final class TwilioHttp {

    static final String USER_AGENT = "switchboard-twilio/0.1";

    /** This account's client: the shared pool and dispatcher, its own auth and timeouts. */
    final OkHttpClient client;
    final TwilioRestService rest;
    final TwilioLookupsService lookups;
    final TwilioPricingService pricing;
    final Moshi moshi;

    private TwilioHttp(OkHttpClient client, TwilioRestService rest, TwilioLookupsService lookups,
            TwilioPricingService pricing, Moshi moshi) {
        this.client = client;
        this.rest = rest;
        this.lookups = lookups;
        this.pricing = pricing;
        this.moshi = moshi;
    }

    static TwilioHttp create(TwilioConfig config, OkHttpClient shared) {
        String authorization = Credentials.basic(config.username(), config.secret());
        OkHttpClient client = shared.newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                // A redirect is never part of Twilio's API; following one could replay a send elsewhere.
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", authorization)
                        .header("User-Agent", USER_AGENT)
                        .header("Accept", "application/json")
                        .build()))
                .addInterceptor(new BoundedBodies())
                .build();
        okhttp3.Call.Factory calls = request -> client.newCall(WriteTracker.tracked(request));
        Moshi moshi = new Moshi.Builder().build();
        Converter.Factory converters = new UnreadableBodies(MoshiConverterFactory.create(moshi));
        return new TwilioHttp(client,
                retrofit(config.apiBaseUrl(), calls, converters).create(TwilioRestService.class),
                retrofit(config.lookupsBaseUrl(), calls, converters).create(TwilioLookupsService.class),
                retrofit(config.pricingBaseUrl(), calls, converters).create(TwilioPricingService.class),
                moshi);
    }

    private static Retrofit retrofit(okhttp3.HttpUrl baseUrl, okhttp3.Call.Factory calls,
            Converter.Factory converters) {
        return new Retrofit.Builder().baseUrl(baseUrl).callFactory(calls).addConverterFactory(converters).build();
    }

    /** A response body that arrived but cannot be read as the JSON expected (malformed, HTML, empty). */
    static final class UnreadableBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableBodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Moshi conversion that reports a body it cannot parse as {@link UnreadableBodyException}, never raw. */
    private static final class UnreadableBodies extends Converter.Factory {
        private final MoshiConverterFactory moshi;

        UnreadableBodies(MoshiConverterFactory moshi) {
            this.moshi = moshi;
        }

        @Override
        public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations,
                Retrofit retrofit) {
            Converter<ResponseBody, ?> delegate = moshi.responseBodyConverter(type, annotations, retrofit);
            if (delegate == null) {
                return null;
            }
            return body -> {
                try {
                    return delegate.convert(body);
                } catch (JsonDataException | com.squareup.moshi.JsonEncodingException | java.io.EOFException e) {
                    throw new UnreadableBodyException("the response body is not the JSON Twilio sends ("
                            + e.getClass().getSimpleName() + ")", e);
                }
            };
        }

        @Override
        public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
                Annotation[] methodAnnotations, Retrofit retrofit) {
            return moshi.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
        }
    }
}
