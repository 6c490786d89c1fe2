package io.switchboard.adapters.twilio;

import io.switchboard.adapters.twilio.TwilioDtos.AccountDto;
import io.switchboard.adapters.twilio.TwilioDtos.CallDto;
import io.switchboard.adapters.twilio.TwilioDtos.CallPage;
import io.switchboard.adapters.twilio.TwilioDtos.MessageDto;
import io.switchboard.adapters.twilio.TwilioDtos.MessagePage;
import io.switchboard.adapters.twilio.TwilioDtos.NumberDto;
import io.switchboard.adapters.twilio.TwilioDtos.NumberPage;
import io.switchboard.adapters.twilio.TwilioDtos.RecordingDto;
import io.switchboard.adapters.twilio.TwilioDtos.RecordingPage;
import io.switchboard.adapters.twilio.TwilioDtos.UsageRecordPage;
import io.switchboard.adapters.twilio.TwilioDtos.UsageTriggerDto;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.Url;

import java.util.List;
import java.util.Map;

/**
 * Twilio's REST API (2010-04-01) on {@code api.twilio.com}. Paths are relative so that a base URL with a path prefix
 * keeps it. Filters travel in maps because Twilio's inequality filters are literal key suffixes ({@code DateSent>}).
 * Next pages are fetched by the {@code next_page_uri} Twilio returned, resolved against the base URL.
 */
interface TwilioRestService {

    String ACCOUNT = "2010-04-01/Accounts/{AccountSid}";

    @FormUrlEncoded
    @POST(ACCOUNT + "/Messages.json")
    Call<MessageDto> createMessage(@Path("AccountSid") String accountSid, @FieldMap Map<String, String> fields,
            @Field("MediaUrl") List<String> mediaUrls);

    @GET(ACCOUNT + "/Messages/{Sid}.json")
    Call<MessageDto> fetchMessage(@Path("AccountSid") String accountSid, @Path("Sid") String sid);

    @GET(ACCOUNT + "/Messages.json")
    Call<MessagePage> listMessages(@Path("AccountSid") String accountSid, @QueryMap Map<String, String> filters,
            @Query("PageSize") int pageSize);

    @GET
    Call<MessagePage> messagesPage(@Url String nextPage);

    @FormUrlEncoded
    @POST(ACCOUNT + "/Calls.json")
    Call<CallDto> createCall(@Path("AccountSid") String accountSid, @FieldMap Map<String, String> fields,
            @Field("StatusCallbackEvent") List<String> statusCallbackEvents);

    @GET(ACCOUNT + "/Calls/{Sid}.json")
    Call<CallDto> fetchCall(@Path("AccountSid") String accountSid, @Path("Sid") String sid);

    @GET(ACCOUNT + "/Calls.json")
    Call<CallPage> listCalls(@Path("AccountSid") String accountSid, @QueryMap Map<String, String> filters,
            @Query("PageSize") int pageSize);

    @GET
    Call<CallPage> callsPage(@Url String nextPage);

    @GET(ACCOUNT + "/IncomingPhoneNumbers.json")
    Call<NumberPage> listNumbers(@Path("AccountSid") String accountSid, @QueryMap Map<String, String> filters,
            @Query("PageSize") int pageSize);

    @GET
    Call<NumberPage> numbersPage(@Url String nextPage);

    @GET(ACCOUNT + "/IncomingPhoneNumbers/{Sid}.json")
    Call<NumberDto> fetchNumber(@Path("AccountSid") String accountSid, @Path("Sid") String sid);

    /** The account in the path is the one fetched: the configured account, or one of its subaccounts. */
    @GET("2010-04-01/Accounts/{Sid}.json")
    Call<AccountDto> fetchAccount(@Path("Sid") String sid);

    @FormUrlEncoded
    @POST(ACCOUNT + "/Usage/Triggers.json")
    Call<UsageTriggerDto> createUsageTrigger(@Path("AccountSid") String accountSid,
            @FieldMap Map<String, String> fields);

    @GET(ACCOUNT + "/Usage/Records.json")
    Call<UsageRecordPage> listUsageRecords(@Path("AccountSid") String accountSid,
            @QueryMap Map<String, String> filters, @Query("PageSize") int pageSize);

    @GET
    Call<UsageRecordPage> usageRecordsPage(@Url String nextPage);

    @GET(ACCOUNT + "/Recordings.json")
    Call<RecordingPage> listRecordings(@Path("AccountSid") String accountSid, @QueryMap Map<String, String> filters,
            @Query("PageSize") int pageSize);

    @GET
    Call<RecordingPage> recordingsPage(@Url String nextPage);

    @GET(ACCOUNT + "/Recordings/{Sid}.json")
    Call<RecordingDto> fetchRecording(@Path("AccountSid") String accountSid, @Path("Sid") String sid);

    @DELETE(ACCOUNT + "/Recordings/{Sid}.json")
    Call<Void> deleteRecording(@Path("AccountSid") String accountSid, @Path("Sid") String sid);
}
