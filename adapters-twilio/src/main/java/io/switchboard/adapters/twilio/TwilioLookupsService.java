package io.switchboard.adapters.twilio;

import io.switchboard.adapters.twilio.TwilioDtos.LookupDto;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** Twilio Lookup v2 on {@code lookups.twilio.com}. */
interface TwilioLookupsService {

    /** {@code fields} is Twilio's comma-separated list ({@code line_type_intelligence,caller_name}), or null. */
    @GET("v2/PhoneNumbers/{PhoneNumber}")
    Call<LookupDto> lookup(@Path("PhoneNumber") String e164, @Query("Fields") String fields);
}
