package io.switchboard.adapters.twilio;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.account.UsageQuery;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.recording.RecordingQuery;
import okhttp3.Credentials;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.adapters.twilio.MockTwilio.ACCOUNT_SID;
import static io.switchboard.adapters.twilio.MockTwilio.AUTH_TOKEN;
import static io.switchboard.adapters.twilio.MockTwilio.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/** What goes over the wire: paths, form encoding, repeated and inequality parameters, auth, paging. */
class TwilioWireTest {

    private static final PhoneNumber TO = PhoneNumber.parse("+14155552346");
    private static final PhoneNumber FROM = PhoneNumber.parse("+14155552345");

    private final MockTwilio twilio = new MockTwilio();

    @AfterEach
    void close() {
        twilio.close();
    }

    @Test
    void sendsAnSmsAsAFormWithPascalCaseNamesAndBasicAuth() {
        twilio.enqueueResource(201, "message.json");
        MessageRequest request = MessageRequest.builder().to(TO).from(FROM).text("Hi & bye = 100%")
                .statusCallback(URI.create("https://example.com/status?x=1")).build();

        Message sent = twilio.connector.messaging().orElseThrow().send(request);

        RecordedRequest r = twilio.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo(BASE + "/Messages.json");
        assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(r.getHeader("Authorization")).isEqualTo(Credentials.basic(ACCOUNT_SID, AUTH_TOKEN));
        assertThat(r.getBody().readUtf8()).isEqualTo("To=%2B14155552346&From=%2B14155552345"
                + "&Body=Hi%20%26%20bye%20%3D%20100%25&StatusCallback=https%3A%2F%2Fexample.com%2Fstatus%3Fx%3D1");
        assertThat(sent.id()).isEqualTo("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(sent.account()).isEqualTo(MockTwilio.ACCOUNT);
    }

    @Test
    void repeatsMediaUrlOncePerAttachment() {
        twilio.enqueueResource(201, "message.json");
        twilio.connector.messaging().orElseThrow().send(MessageRequest.builder().to(TO).from(FROM).text("pics")
                .media(URI.create("https://example.com/a.png")).media(URI.create("https://example.com/b.png")).build());

        String body = twilio.take().getBody().readUtf8();
        assertThat(body).contains("MediaUrl=https%3A%2F%2Fexample.com%2Fa.png&MediaUrl=https%3A%2F%2Fexample.com%2Fb.png");
    }

    @Test
    void prefixesBothNumbersOfAWhatsAppMessage() {
        twilio.enqueueResource(201, "message-whatsapp-failed.json");
        Message sent = twilio.api().sendWhatsApp(TO, FROM, "Hello via WhatsApp!",
                List.of(URI.create("https://example.com/menu.pdf")));

        String body = twilio.take().getBody().readUtf8();
        assertThat(body).startsWith("To=whatsapp%3A%2B14155552346&From=whatsapp%3A%2B14155552345&Body=Hello")
                .endsWith("&MediaUrl=https%3A%2F%2Fexample.com%2Fmenu.pdf");
        assertThat(sent.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(sent.to()).isEqualTo("+447700900123");
    }

    @Test
    void sendsAnAlphanumericSenderIdAsIs() {
        twilio.enqueueResource(201, "message.json");
        twilio.connector.messaging().orElseThrow().send(MessageRequest.sms(TO, io.switchboard.domain.SenderId.of("Switchbd"),
                "hi"));
        assertThat(twilio.take().getBody().readUtf8()).contains("From=Switchbd");
    }

    @Test
    void filtersMessagesWithLiteralDateSentInequalityKeys() {
        twilio.enqueue(200, "{\"messages\": [], \"next_page_uri\": null}");
        MessageQuery query = MessageQuery.all().withTo(TO.e164()).withFrom(FROM.e164())
                .withSentBetween(Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-03T00:00:00Z"));

        twilio.connector.messaging().orElseThrow().list(query, PageRequest.first(5000));

        RecordedRequest r = twilio.take();
        assertThat(r.getPath()).startsWith(BASE + "/Messages.json?To=%2B14155552346&From=%2B14155552345"
                + "&DateSent%3E=2026-01-02T00%3A00%3A00Z&DateSent%3C=");
        // The exclusive upper bound becomes Twilio's inclusive one, a second earlier.
        assertThat(r.getRequestUrl().queryParameter("DateSent<")).isEqualTo("2026-01-02T23:59:59Z");
        assertThat(r.getRequestUrl().queryParameter("PageSize")).isEqualTo("1000");
    }

    @Test
    void filtersMessagesByTheDaySent() {
        twilio.enqueue(200, "{\"messages\": [], \"next_page_uri\": null}");
        twilio.api().listMessages(MessageQuery.all(), LocalDate.parse("2026-01-05"), 10, 20);

        RecordedRequest r = twilio.take();
        assertThat(r.getPath()).isEqualTo(BASE + "/Messages.json?DateSent=2026-01-05&PageSize=10");
    }

    @Test
    void followsNextPageUriUntilTheLimit() {
        twilio.enqueueResource(200, "messages-page.json");
        twilio.enqueueResource(200, "messages-page.json");

        List<Message> messages = twilio.api().listMessages(MessageQuery.all().withTo(TO.e164()), null, 3, 2);

        assertThat(messages).hasSize(3);
        assertThat(twilio.take().getPath()).isEqualTo(BASE + "/Messages.json?To=%2B14155552346&PageSize=2");
        // Exactly the next_page_uri Twilio returned, on the configured host.
        assertThat(twilio.take().getPath()).isEqualTo("/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                + "/Messages.json?To=%2B14155552346&PageSize=2&Page=1&PageToken=PASM22222222222222222222222222222222");
        assertThat(twilio.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void resolvesNextPageUriBelowABaseUrlPathPrefix() {
        String prefixed = twilio.server.url("/twilio/").toString();
        try (TwilioConnector connector = TwilioConnector.create(twilio.config(java.time.Duration.ofSeconds(5))
                .apiBaseUrl(prefixed).build(), MockTwilio.SHARED)) {
            twilio.enqueueResource(200, "messages-page.json");
            Page<Message> first = connector.messaging().orElseThrow().list(MessageQuery.all(), PageRequest.first(2));
            twilio.enqueue(200, "{\"messages\": [], \"next_page_uri\": null}");
            connector.messaging().orElseThrow().list(MessageQuery.all(), PageRequest.first(2).next(first).orElseThrow());

            assertThat(twilio.take().getPath()).isEqualTo("/twilio" + BASE + "/Messages.json?PageSize=2");
            assertThat(twilio.take().getPath()).startsWith("/twilio/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                    + "/Messages.json?To=");
        }
    }

    @Test
    void authenticatesWithAnApiKeyWhileTheAccountSidStaysInThePath() {
        String keySid = "SK" + "fedcba9876543210fedcba9876543210";
        try (TwilioConnector connector = TwilioConnector.create(twilio.config(java.time.Duration.ofSeconds(5))
                .apiKey(keySid, "key-secret").build(), MockTwilio.SHARED)) {
            twilio.enqueueResource(200, "message.json");
            connector.messaging().orElseThrow().get("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

            RecordedRequest r = twilio.take();
            assertThat(r.getHeader("Authorization")).isEqualTo(Credentials.basic(keySid, "key-secret"));
            assertThat(r.getPath()).isEqualTo(BASE + "/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json");
        }
    }

    @Test
    void placesACallWithAUrlAndMethodOrWithInlineTwiml() {
        twilio.enqueueResource(201, "call.json");
        twilio.enqueueResource(201, "call.json");
        var voice = twilio.connector.voice().orElseThrow();

        voice.place(CallRequest.of(TO, FROM, new CallInstructions.Url(URI.create("https://example.com/answer"), "GET"))
                .withStatusCallback(URI.create("https://example.com/progress")));
        voice.place(CallRequest.of(TO, FROM, CallInstructions.markup("<Response><Say>Hi</Say></Response>")));

        RecordedRequest byUrl = twilio.take();
        assertThat(byUrl.getPath()).isEqualTo(BASE + "/Calls.json");
        assertThat(byUrl.getBody().readUtf8()).isEqualTo("To=%2B14155552346&From=%2B14155552345"
                + "&Url=https%3A%2F%2Fexample.com%2Fanswer&Method=GET&StatusCallback=https%3A%2F%2Fexample.com%2Fprogress");
        assertThat(twilio.take().getBody().readUtf8()).isEqualTo("To=%2B14155552346&From=%2B14155552345"
                + "&Twiml=%3CResponse%3E%3CSay%3EHi%3C%2FSay%3E%3C%2FResponse%3E");
    }

    @Test
    void getsAndListsCallsWithTwiliosFilterNames() {
        twilio.enqueueResource(200, "call.json");
        twilio.enqueue(200, "{\"calls\": [], \"next_page_uri\": null}");
        var voice = twilio.connector.voice().orElseThrow();

        voice.get("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        voice.list(CallQuery.all().withTo(TO.e164()).withFrom(FROM.e164()).withStatus(CallStatus.IN_PROGRESS),
                PageRequest.first(20));

        assertThat(twilio.take().getPath()).isEqualTo(BASE + "/Calls/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json");
        assertThat(twilio.take().getPath()).isEqualTo(BASE
                + "/Calls.json?To=%2B14155552346&From=%2B14155552345&Status=in-progress&PageSize=20");
    }

    @Test
    void listsAndGetsIncomingNumbers() {
        twilio.enqueueResource(200, "incoming-numbers-page.json");
        twilio.enqueue(200, MockTwilio.resource("incoming-numbers-page.json")
                .replaceAll("(?s).*\"incoming_phone_numbers\": \\[\\s*(\\{.*?\\}),\\s*\\{.*", "$1"));
        var numbers = twilio.connector.numbers().orElseThrow();

        numbers.list(new NumberQuery(Optional.of("808"), Optional.empty()), PageRequest.first(50));
        numbers.get("PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

        assertThat(twilio.take().getPath()).isEqualTo(BASE + "/IncomingPhoneNumbers.json?PhoneNumber=808&PageSize=50");
        assertThat(twilio.take().getPath()).isEqualTo(BASE + "/IncomingPhoneNumbers/PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json");
    }

    @Test
    void getsTheOwnAccountOrASubaccountByItsSid() {
        twilio.enqueueResource(200, "account.json");
        twilio.enqueueResource(200, "account.json");
        String sub = "AC" + "11111111111111111111111111111111";

        twilio.connector.accountDetails().orElseThrow().info();
        twilio.api().account(sub);

        assertThat(twilio.take().getPath()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + ".json");
        assertThat(twilio.take().getPath()).isEqualTo("/2010-04-01/Accounts/" + sub + ".json");
    }

    @Test
    void createsAUsageTriggerWithEveryParameter() {
        twilio.enqueueResource(201, "usage-trigger.json");
        twilio.api().createUsageTrigger(UsageTriggerRequest.of("sms", "50.00",
                URI.create("https://example.com/twilio/callback")).withRecurring("monthly").withTriggerBy("price")
                .withFriendlyName("sms over 50"));

        RecordedRequest r = twilio.take();
        assertThat(r.getPath()).isEqualTo(BASE + "/Usage/Triggers.json");
        assertThat(r.getBody().readUtf8()).isEqualTo("UsageCategory=sms&TriggerValue=50.00"
                + "&CallbackUrl=https%3A%2F%2Fexample.com%2Ftwilio%2Fcallback&Recurring=monthly&TriggerBy=price"
                + "&FriendlyName=sms%20over%2050");
    }

    @Test
    void listsUsageRecordsByCategoryAndDates() {
        twilio.enqueueResource(200, "usage-records-page.json");
        twilio.connector.usage().orElseThrow().list(new UsageQuery(Optional.of("sms"),
                Optional.of(LocalDate.parse("2026-01-01")), Optional.of(LocalDate.parse("2026-01-31"))),
                PageRequest.first(50));

        assertThat(twilio.take().getPath()).isEqualTo(BASE
                + "/Usage/Records.json?Category=sms&StartDate=2026-01-01&EndDate=2026-01-31&PageSize=50");
    }

    @Test
    void listsGetsAndDeletesRecordings() {
        twilio.enqueueResource(200, "recordings-page.json");
        twilio.server.enqueue(new MockResponse().setResponseCode(204));
        var recordings = twilio.connector.recordings().orElseThrow();

        recordings.list(new RecordingQuery(Optional.of("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), Optional.empty(),
                Optional.of(LocalDate.parse("2016-10-14"))), PageRequest.first(10));
        recordings.delete("REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

        assertThat(twilio.take().getPath()).isEqualTo(BASE
                + "/Recordings.json?CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&DateCreated=2016-10-14&PageSize=10");
        RecordedRequest delete = twilio.take();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getPath()).isEqualTo(BASE + "/Recordings/REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json");
    }

    @Test
    void looksUpWithTwiliosFieldNamesOnTheLookupsHost() {
        twilio.enqueueResource(200, "lookup.json");
        twilio.enqueueResource(200, "lookup.json");
        PhoneNumber number = PhoneNumber.parse("+447700900123");

        twilio.connector.lookup().orElseThrow().lookup(number, Set.of(LookupField.LINE_TYPE, LookupField.CALLER_NAME));
        twilio.api().lookup(number, Set.of());

        RecordedRequest withFields = twilio.take();
        assertThat(withFields.getRequestUrl().encodedPath()).isEqualTo("/v2/PhoneNumbers/+447700900123");
        assertThat(withFields.getRequestUrl().queryParameter("Fields")).isEqualTo("caller_name,line_type_intelligence");
        assertThat(twilio.take().getPath()).isEqualTo("/v2/PhoneNumbers/+447700900123");
    }

    @Test
    void readsPricesFromThePricingHostAndFollowsMetaPagingOnTheConfiguredHost() {
        twilio.enqueueResource(200, "pricing-countries-page1.json");
        twilio.enqueueResource(200, "pricing-countries-page2.json");

        List<String> countries = twilio.api().pricedCountries(io.switchboard.domain.pricing.Product.SMS);

        assertThat(countries).containsExactly("DE", "GB", "US");
        assertThat(twilio.take().getPath()).isEqualTo("/v1/Messaging/Countries?PageSize=1000");
        RecordedRequest second = twilio.take();
        assertThat(second.getRequestUrl().host()).isEqualTo(twilio.server.getHostName());
        assertThat(second.getPath()).isEqualTo("/v1/Messaging/Countries?PageSize=2&Page=1&PageToken=DNGB");
    }

    @Test
    void clampsThePageSizeToTwiliosMaximum() {
        twilio.enqueue(200, "{\"calls\": [], \"next_page_uri\": null}");
        Pages.collect(page -> twilio.connector.voice().orElseThrow().list(CallQuery.all(), page), 5000, 5000);
        assertThat(twilio.take().getPath()).endsWith("/Calls.json?PageSize=1000");
    }
}
