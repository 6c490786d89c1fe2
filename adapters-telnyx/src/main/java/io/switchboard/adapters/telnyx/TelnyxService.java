package io.switchboard.adapters.telnyx;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;

import java.util.Map;

/**
 * The Telnyx API v2 host ({@code api.telnyx.com/v2}). Query maps carry the bracketed deep-object names
 * ({@code page[number]}, {@code filter[status]}, {@code filter[created_at][gte]}) built by {@link TelnyxPager}.
 */
interface TelnyxService {

    @POST("messages")
    Call<TelnyxDto.One<TelnyxDto.Message>> sendMessage(@Body TelnyxDto.SendMessage body);

    @GET("messages/{id}")
    Call<TelnyxDto.One<TelnyxDto.Message>> message(@Path("id") String id);

    /** Message history: {@code filter[record_type]=messaging} is always in {@code query}. */
    @GET("detail_records")
    Call<TelnyxDto.Many<TelnyxDto.MessageRecord>> messageRecords(@QueryMap Map<String, String> query);

    /** Call history: {@code filter[record_type]=call-control} is always in {@code query}. */
    @GET("detail_records")
    Call<TelnyxDto.Many<TelnyxDto.CallRecord>> callRecords(@QueryMap Map<String, String> query);

    @GET("phone_numbers")
    Call<TelnyxDto.Many<TelnyxDto.PhoneNumber>> phoneNumbers(@QueryMap Map<String, String> query);

    @GET("phone_numbers/{id}")
    Call<TelnyxDto.One<TelnyxDto.PhoneNumber>> phoneNumber(@Path("id") String id);

    @POST("calls")
    Call<TelnyxDto.One<TelnyxDto.Call>> dial(@Body TelnyxDto.Dial body);

    @GET("calls/{call_control_id}")
    Call<TelnyxDto.One<TelnyxDto.Call>> call(@Path("call_control_id") String callControlId);

    @GET("connections/{connection_id}/active_calls")
    Call<TelnyxDto.CursorMany<TelnyxDto.ActiveCall>> activeCalls(@Path("connection_id") String connectionId,
            @QueryMap Map<String, String> query);

    @GET("recordings")
    Call<TelnyxDto.Many<TelnyxDto.Recording>> recordings(@QueryMap Map<String, String> query);

    @GET("recordings/{id}")
    Call<TelnyxDto.One<TelnyxDto.Recording>> recording(@Path("id") String id);

    @DELETE("recordings/{id}")
    Call<ResponseBody> deleteRecording(@Path("id") String id);

    @GET("balance")
    Call<TelnyxDto.One<TelnyxDto.Balance>> balance();

    /** {@code type} is one of {@code carrier} and {@code caller-name}, or null for the basic lookup. */
    @GET("number_lookup/{phone_number}")
    Call<TelnyxDto.One<TelnyxDto.Lookup>> lookup(@Path("phone_number") String phoneNumber,
            @Query("type") String type);
}
