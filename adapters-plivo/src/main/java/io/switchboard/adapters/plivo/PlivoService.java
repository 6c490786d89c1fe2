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
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.Ack;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.ApplicationCreated;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.AvailableNumberDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.BuyResponse;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.CarrierCreated;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.CarrierDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.ConferenceDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.ConferenceList;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.EndpointCreated;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.EndpointDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.RecordingStarted;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.SubaccountCreated;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.SubaccountDto;
import okhttp3.RequestBody;
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
 * Plivo's REST API (one host, {@code api.plivo.com/v1/}). Every path ends in {@code /}, as Plivo requires. The
 * marketplace operations post a JSON object built by their request type ({@link PlivoHttp#json}).
 */
interface PlivoService {

    @POST("Account/{auth_id}/Message/")
    Call<PlivoDtos.SendResponse> sendMessage(@Path("auth_id") String authId, @Body SendMessageBody body);

    @GET("Account/{auth_id}/Message/{uuid}/")
    Call<MessageDto> getMessage(@Path("auth_id") String authId, @Path("uuid") String uuid);

    @GET("Account/{auth_id}/Message/")
    Call<ListEnvelope<MessageDto>> listMessages(@Path("auth_id") String authId,
            @QueryMap Map<String, String> filters);

    @POST("Account/{auth_id}/Call/")
    Call<MakeCallResponse> makeCall(@Path("auth_id") String authId, @Body MakeCallBody body);

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
    // ---- the marketplace package: account and subaccounts

    @POST("Account/{auth_id}/")
    Call<Ack> modifyAccount(@Path("auth_id") String authId, @Body RequestBody body);

    @POST("Account/{auth_id}/Subaccount/")
    Call<SubaccountCreated> createSubaccount(@Path("auth_id") String authId, @Body RequestBody body);

    @POST("Account/{auth_id}/Subaccount/{id}/")
    Call<Ack> modifySubaccount(@Path("auth_id") String authId, @Path("id") String id, @Body RequestBody body);

    @GET("Account/{auth_id}/Subaccount/{id}/")
    Call<SubaccountDto> getSubaccount(@Path("auth_id") String authId, @Path("id") String id);

    @GET("Account/{auth_id}/Subaccount/")
    Call<ListEnvelope<SubaccountDto>> listSubaccounts(@Path("auth_id") String authId,
            @QueryMap Map<String, String> paging);

    @DELETE("Account/{auth_id}/Subaccount/{id}/")
    Call<Void> deleteSubaccount(@Path("auth_id") String authId, @Path("id") String id);

    // ---- applications

    @POST("Account/{auth_id}/Application/")
    Call<ApplicationCreated> createApplication(@Path("auth_id") String authId, @Body RequestBody body);

    @GET("Account/{auth_id}/Application/{id}/")
    Call<ApplicationDto> getApplication(@Path("auth_id") String authId, @Path("id") String id);

    @POST("Account/{auth_id}/Application/{id}/")
    Call<Ack> modifyApplication(@Path("auth_id") String authId, @Path("id") String id, @Body RequestBody body);

    @DELETE("Account/{auth_id}/Application/{id}/")
    Call<Void> deleteApplication(@Path("auth_id") String authId, @Path("id") String id);

    // ---- calls: placing with every parameter, and the live-call API

    @POST("Account/{auth_id}/Call/")
    Call<MakeCallResponse> placeCall(@Path("auth_id") String authId, @Body RequestBody body);

    @DELETE("Account/{auth_id}/Call/{uuid}/")
    Call<Void> hangupCall(@Path("auth_id") String authId, @Path("uuid") String uuid);

    @DELETE("Account/{auth_id}/Call/")
    Call<Void> hangupAllCalls(@Path("auth_id") String authId);

    @POST("Account/{auth_id}/Call/{uuid}/")
    Call<Ack> transferCall(@Path("auth_id") String authId, @Path("uuid") String uuid, @Body RequestBody body);

    @POST("Account/{auth_id}/Call/{uuid}/Record/")
    Call<RecordingStarted> recordCall(@Path("auth_id") String authId, @Path("uuid") String uuid,
            @Body RequestBody body);

    /** {@code action} is Play, Speak or DTMF. */
    @POST("Account/{auth_id}/Call/{uuid}/{action}/")
    Call<Ack> callAction(@Path("auth_id") String authId, @Path("uuid") String uuid, @Path("action") String action,
            @Body RequestBody body);

    /** {@code action} is Record, Play or Speak. */
    @DELETE("Account/{auth_id}/Call/{uuid}/{action}/")
    Call<Void> stopCallAction(@Path("auth_id") String authId, @Path("uuid") String uuid,
            @Path("action") String action);

    @DELETE("Account/{auth_id}/Request/{uuid}/")
    Call<Void> cancelRequest(@Path("auth_id") String authId, @Path("uuid") String uuid);

    // ---- conferences

    @GET("Account/{auth_id}/Conference/")
    Call<ConferenceList> listConferences(@Path("auth_id") String authId);

    @GET("Account/{auth_id}/Conference/{name}/")
    Call<ConferenceDto> getConference(@Path("auth_id") String authId, @Path("name") String name);

    @DELETE("Account/{auth_id}/Conference/")
    Call<Void> hangupAllConferences(@Path("auth_id") String authId);

    @DELETE("Account/{auth_id}/Conference/{name}/")
    Call<Void> hangupConference(@Path("auth_id") String authId, @Path("name") String name);

    @POST("Account/{auth_id}/Conference/{name}/Record/")
    Call<RecordingStarted> recordConference(@Path("auth_id") String authId, @Path("name") String name,
            @Body RequestBody body);

    @DELETE("Account/{auth_id}/Conference/{name}/Record/")
    Call<Void> stopConferenceRecording(@Path("auth_id") String authId, @Path("name") String name);

    @DELETE("Account/{auth_id}/Conference/{name}/Member/{member}/")
    Call<Void> hangupMember(@Path("auth_id") String authId, @Path("name") String name,
            @Path("member") String memberId);

    /** {@code action} is Kick, Mute, Deaf, Play or Speak. */
    @POST("Account/{auth_id}/Conference/{name}/Member/{member}/{action}/")
    Call<Ack> memberAction(@Path("auth_id") String authId, @Path("name") String name, @Path("member") String memberId,
            @Path("action") String action, @Body RequestBody body);

    /** {@code action} is Mute, Deaf, Play or Speak: unmute, undeaf, stop playing, stop speaking. */
    @DELETE("Account/{auth_id}/Conference/{name}/Member/{member}/{action}/")
    Call<Void> stopMemberAction(@Path("auth_id") String authId, @Path("name") String name,
            @Path("member") String memberId, @Path("action") String action);

    // ---- endpoints

    @POST("Account/{auth_id}/Endpoint/")
    Call<EndpointCreated> createEndpoint(@Path("auth_id") String authId, @Body RequestBody body);

    @GET("Account/{auth_id}/Endpoint/")
    Call<ListEnvelope<EndpointDto>> listEndpoints(@Path("auth_id") String authId,
            @QueryMap Map<String, String> paging);

    @GET("Account/{auth_id}/Endpoint/{id}/")
    Call<EndpointDto> getEndpoint(@Path("auth_id") String authId, @Path("id") String id);

    @POST("Account/{auth_id}/Endpoint/{id}/")
    Call<Ack> modifyEndpoint(@Path("auth_id") String authId, @Path("id") String id, @Body RequestBody body);

    @DELETE("Account/{auth_id}/Endpoint/{id}/")
    Call<Void> deleteEndpoint(@Path("auth_id") String authId, @Path("id") String id);

    // ---- numbers: own carrier's, changes, unrent; search and buy

    @POST("Account/{auth_id}/Number/")
    Call<Ack> addCarrierNumbers(@Path("auth_id") String authId, @Body RequestBody body);

    @POST("Account/{auth_id}/Number/{number}/")
    Call<Ack> modifyNumber(@Path("auth_id") String authId, @Path("number") String number, @Body RequestBody body);

    @DELETE("Account/{auth_id}/Number/{number}/")
    Call<Void> unrentNumber(@Path("auth_id") String authId, @Path("number") String number);

    @GET("Account/{auth_id}/PhoneNumber/")
    Call<ListEnvelope<AvailableNumberDto>> searchNumbers(@Path("auth_id") String authId,
            @QueryMap Map<String, String> filters);

    @POST("Account/{auth_id}/PhoneNumber/{number}/")
    Call<BuyResponse> buyNumber(@Path("auth_id") String authId, @Path("number") String number,
            @Body RequestBody body);

    // ---- incoming carriers

    @GET("Account/{auth_id}/IncomingCarrier/")
    Call<ListEnvelope<CarrierDto>> listCarriers(@Path("auth_id") String authId, @QueryMap Map<String, String> filters);

    @GET("Account/{auth_id}/IncomingCarrier/{id}/")
    Call<CarrierDto> getCarrier(@Path("auth_id") String authId, @Path("id") String id);

    @POST("Account/{auth_id}/IncomingCarrier/")
    Call<CarrierCreated> addCarrier(@Path("auth_id") String authId, @Body RequestBody body);

    @POST("Account/{auth_id}/IncomingCarrier/{id}/")
    Call<Ack> modifyCarrier(@Path("auth_id") String authId, @Path("id") String id, @Body RequestBody body);

    @DELETE("Account/{auth_id}/IncomingCarrier/{id}/")
    Call<Void> deleteCarrier(@Path("auth_id") String authId, @Path("id") String id);
}
