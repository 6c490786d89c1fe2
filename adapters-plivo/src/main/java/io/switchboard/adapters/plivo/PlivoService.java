package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.AccountDto;
import io.switchboard.adapters.plivo.PlivoDtos.ApplicationDto;
import io.switchboard.adapters.plivo.PlivoDtos.CallDto;
import io.switchboard.adapters.plivo.PlivoDtos.ListEnvelope;
import io.switchboard.adapters.plivo.PlivoDtos.LiveCallDto;
import io.switchboard.adapters.plivo.PlivoDtos.LiveCallList;
import io.switchboard.adapters.plivo.PlivoDtos.MakeCallBody;
import io.switchboard.adapters.plivo.PlivoDtos.MakeCallResponse;
import io.switchboard.adapters.plivo.PlivoDtos.MessageDto;
import io.switchboard.adapters.plivo.PlivoDtos.NumberDto;
import io.switchboard.adapters.plivo.PlivoDtos.PricingDto;
import io.switchboard.adapters.plivo.PlivoDtos.RecordingDto;
import io.switchboard.adapters.plivo.PlivoDtos.SendMessageBody;
import io.switchboard.adapters.plivo.PlivoHttp.WireMarker;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.Tag;

import java.util.Map;

/**
 * Plivo's REST API (one host, {@code api.plivo.com/v1/}). Every path ends in {@code /}, as Plivo requires; the two
 * non-idempotent operations carry a {@link WireMarker} so a failure can tell "never sent" from "sent, answer lost".
 */
interface PlivoService {

    @POST("Account/{auth_id}/Message/")
    Call<PlivoDtos.SendResponse> sendMessage(@Path("auth_id") String authId, @Body SendMessageBody body,
            @Tag WireMarker marker);

    @GET("Account/{auth_id}/Message/{uuid}/")
    Call<MessageDto> getMessage(@Path("auth_id") String authId, @Path("uuid") String uuid);

    @GET("Account/{auth_id}/Message/")
    Call<ListEnvelope<MessageDto>> listMessages(@Path("auth_id") String authId,
            @QueryMap Map<String, String> filters);

    @POST("Account/{auth_id}/Call/")
    Call<MakeCallResponse> makeCall(@Path("auth_id") String authId, @Body MakeCallBody body, @Tag WireMarker marker);

    @GET("Account/{auth_id}/Call/{uuid}/")
    Call<CallDto> getCall(@Path("auth_id") String authId, @Path("uuid") String uuid);

    /** A live ({@code status=live}) or queued ({@code status=queued}) call. */
    @GET("Account/{auth_id}/Call/{uuid}/")
    Call<LiveCallDto> getCallIn(@Path("auth_id") String authId, @Path("uuid") String uuid,
            @Query("status") String status);

    @GET("Account/{auth_id}/Call/")
    Call<ListEnvelope<CallDto>> listCalls(@Path("auth_id") String authId, @QueryMap Map<String, String> filters);

    /** The ids of live or queued calls; {@code filters} must hold {@code status}. */
    @GET("Account/{auth_id}/Call/")
    Call<LiveCallList> listCallsIn(@Path("auth_id") String authId, @QueryMap Map<String, String> filters);

    @GET("Account/{auth_id}/Number/")
    Call<ListEnvelope<NumberDto>> listNumbers(@Path("auth_id") String authId, @QueryMap Map<String, String> filters);

    @GET("Account/{auth_id}/Number/{number}/")
    Call<NumberDto> getNumber(@Path("auth_id") String authId, @Path("number") String number);

    @GET("Account/{auth_id}/Application/")
    Call<ListEnvelope<ApplicationDto>> listApplications(@Path("auth_id") String authId,
            @QueryMap Map<String, String> filters);

    @GET("Account/{auth_id}/")
    Call<AccountDto> getAccount(@Path("auth_id") String authId);

    @GET("Account/{auth_id}/Pricing/")
    Call<PricingDto> getPricing(@Path("auth_id") String authId, @Query("country_iso") String countryIso);

    @GET("Account/{auth_id}/Recording/")
    Call<ListEnvelope<RecordingDto>> listRecordings(@Path("auth_id") String authId,
            @QueryMap Map<String, String> filters);

    @GET("Account/{auth_id}/Recording/{id}/")
    Call<RecordingDto> getRecording(@Path("auth_id") String authId, @Path("id") String id);

    @DELETE("Account/{auth_id}/Recording/{id}/")
    Call<Void> deleteRecording(@Path("auth_id") String authId, @Path("id") String id);
}
