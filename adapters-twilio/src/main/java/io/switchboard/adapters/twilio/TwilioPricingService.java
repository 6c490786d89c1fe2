package io.switchboard.adapters.twilio;

import io.switchboard.adapters.twilio.TwilioDtos.CountryPage;
import io.switchboard.adapters.twilio.TwilioDtos.MessagingCountryDto;
import io.switchboard.adapters.twilio.TwilioDtos.VoiceCountryDto;
import io.switchboard.adapters.twilio.TwilioDtos.VoiceNumberDto;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/** Twilio Pricing on {@code pricing.twilio.com}: messaging (v1) and voice (v2) prices. */
interface TwilioPricingService {

    @GET("v1/Messaging/Countries/{IsoCountry}")
    Call<MessagingCountryDto> messagingCountry(@Path("IsoCountry") String isoCountry);

    @GET("v1/Messaging/Countries")
    Call<CountryPage> messagingCountries(@Query("PageSize") int pageSize);

    @GET("v2/Voice/Countries/{IsoCountry}")
    Call<VoiceCountryDto> voiceCountry(@Path("IsoCountry") String isoCountry);

    @GET("v2/Voice/Countries")
    Call<CountryPage> voiceCountries(@Query("PageSize") int pageSize);

    /** The next page of a country list, by the {@code meta.next_page_url} path resolved against the base URL. */
    @GET
    Call<CountryPage> countriesPage(@Url String nextPage);

    @GET("v2/Voice/Numbers/{DestinationNumber}")
    Call<VoiceNumberDto> voiceNumber(@Path("DestinationNumber") String e164);
}
