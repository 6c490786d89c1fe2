package io.switchboard.sandbox.plivo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one emulated Plivo account holds. A main account owns its credit, numbers, applications, endpoints, incoming
 * carriers and subaccounts; every account (main or sub) has its own traffic: messages, calls, recordings and live
 * conferences. A subaccount spends its parent's credit, and numbers, applications and endpoints linked to it stay in
 * the parent's lists with the subaccount's auth id as owner. Lists are newest first, as Plivo lists them. Every access
 * goes through the family's {@link Account#lock}, which a subaccount shares with its parent.
 */
final class PlivoState {
  private PlivoState() {}

  /** Where a call is: waiting in Plivo's queue, live, or ended (then it has a call detail record). */
  enum Phase { QUEUED, RINGING, IN_PROGRESS, ENDED }

  static final class Account {
    final String authId;
    final String authToken;
    /** The main account of a subaccount; null for a main account. */
    final Account parent;
    final Object lock;
    final Instant created;
    String name;
    String city = "Sandbox City";
    String address = "1 Sandbox Street";
    boolean enabled = true;
    Instant modified;
    /** A main account's balance; a subaccount's is always its parent's. */
    BigDecimal cashCredits;
    final List<StoredMessage> messages = new ArrayList<>();
    final List<StoredCall> calls = new ArrayList<>();
    final List<StoredRecording> recordings = new ArrayList<>();
    final Map<String, Conference> conferences = new LinkedHashMap<>();
    // A main account's own resources (empty on a subaccount).
    final List<Application> applications = new ArrayList<>();
    final List<Number> numbers = new ArrayList<>();
    final List<Endpoint> endpoints = new ArrayList<>();
    final List<Carrier> carriers = new ArrayList<>();
    final List<Account> subaccounts = new ArrayList<>();

    Account(String authId, String authToken, String name, BigDecimal cashCredits, Account parent, Instant created) {
      this.authId = authId;
      this.authToken = authToken;
      this.name = name;
      this.cashCredits = cashCredits;
      this.parent = parent;
      this.lock = parent == null ? new Object() : parent.lock;
      this.created = created;
      this.modified = created;
    }

    Account root() {
      return parent == null ? this : parent;
    }

    boolean isSubaccount() {
      return parent != null;
    }

    /** The owner tag this account puts on what it creates: its auth id for a subaccount, null for a main account. */
    String ownerTag() {
      return parent == null ? null : authId;
    }

    /** Whether a resource owned by {@code owner} (null: the main account) is visible to this account. */
    boolean sees(String owner) {
      return parent == null || authId.equals(owner);
    }
  }

  static final class StoredMessage {
    final String uuid;
    final String from;
    final String to;
    final String direction;
    final String type;
    final Instant time;
    final int units;
    final BigDecimal rate;
    final BigDecimal amount;
    String state;
    String errorCode;
    /** When it left Plivo ({@code message_sent_time}); null while it has not. */
    Instant sentAt;
    /** Its last change of state ({@code message_updated_time}). */
    Instant updatedAt;

    StoredMessage(String uuid, String from, String to, String direction, String type, Instant time, int units,
        BigDecimal rate, BigDecimal amount, String state) {
      this.uuid = uuid;
      this.from = from;
      this.to = to;
      this.direction = direction;
      this.type = type;
      this.time = time;
      this.units = units;
      this.rate = rate;
      this.amount = amount;
      this.state = state;
      this.updatedAt = time;
    }

    /** Moves to {@code next} at {@code at}; a message that reaches the carrier has left Plivo then. */
    void moveTo(String next, Instant at) {
      state = next;
      updatedAt = at;
      if (sentAt == null && SENT_STATES.contains(next)) {
        sentAt = at;
      }
    }
  }

  /** Message states reached only after the message left Plivo for the carrier. */
  static final Set<String> SENT_STATES = Set.of("sent", "delivered", "undelivered", "read");

  /**
   * A call, from its request to its record. While live it holds what the live-call API changed: the URL it executes
   * (transfers), the bridged leg, a running recording, audio played or spoken, digits sent and its conference.
   */
  static final class StoredCall {
    final String uuid;
    final String from;
    final String to;
    final String direction;
    final Instant initiated;
    final BigDecimal rate;
    /** The make-call parameters as received, snake_case, for inspection. */
    final Map<String, String> options;
    final int timeLimit;
    final String parentCallUuid;
    Phase phase;
    int seconds;
    int minutes;
    BigDecimal amount = BigDecimal.ZERO;
    String outcome;
    String hangupCause;
    String hangupSource;
    Instant answered;
    Instant ended;
    String url;
    String urlMethod;
    String bridged;
    String recordingId;
    String recordingFormat = "mp3";
    Instant recordingSince;
    int recordingLimit;
    List<String> playing = List.of();
    String speaking;
    final StringBuilder digitsSent = new StringBuilder();
    String conference;

    StoredCall(String uuid, String from, String to, String direction, Instant initiated, BigDecimal rate,
        Map<String, String> options, Phase phase) {
      this.uuid = uuid;
      this.from = from;
      this.to = to;
      this.direction = direction;
      this.initiated = initiated;
      this.rate = rate;
      this.options = Map.copyOf(options);
      this.timeLimit = options.containsKey("time_limit") ? Integer.parseInt(options.get("time_limit")) : 0;
      this.parentCallUuid = options.get("parent_call_uuid");
      this.phase = phase;
      this.url = options.get("answer_url");
      this.urlMethod = options.getOrDefault("answer_method", "POST");
      if (phase == Phase.IN_PROGRESS) {
        answered = initiated;
      }
    }

    boolean isLive() {
      return phase == Phase.RINGING || phase == Phase.IN_PROGRESS;
    }

    /** The live word Plivo uses for a call that has not ended. */
    String liveStatus() {
      return switch (phase) {
        case QUEUED -> "queued";
        case RINGING -> "ringing";
        case IN_PROGRESS -> "in-progress";
        case ENDED -> "completed";
      };
    }
  }

  record StoredRecording(String id, String callUuid, String conferenceName, Instant addTime, long durationMs,
      String from, String to, String format) {
    String type() {
      return conferenceName == null || conferenceName.isEmpty() ? "call" : "conference";
    }
  }

  static final class Application {
    final String appId;
    final String name;
    final Instant created;
    String answerUrl;
    String answerMethod = "POST";
    String hangupUrl;
    String hangupMethod = "POST";
    String fallbackAnswerUrl;
    String fallbackMethod = "POST";
    String messageUrl;
    String messageMethod = "POST";
    boolean defaultNumberApp;
    boolean defaultEndpointApp;
    String owner;

    Application(String appId, String name, Instant created) {
      this.appId = appId;
      this.name = name;
      this.created = created;
    }
  }

  /** A number the account rents from Plivo or brought from its own carrier. */
  static final class Number {
    final String number;
    final String country;
    final String type;
    final boolean voice;
    final boolean sms;
    final boolean mms;
    final String region;
    /** "Plivo" for rented numbers, the incoming carrier's id for carrier numbers. */
    final String carrier;
    final BigDecimal monthlyRental;
    final Instant addedOn;
    String alias;
    String appId;
    String owner;

    Number(String number, String country, String type, boolean voice, boolean sms, boolean mms, String region,
        String carrier, BigDecimal monthlyRental, Instant addedOn) {
      this.number = number;
      this.country = country;
      this.type = type;
      this.voice = voice;
      this.sms = sms;
      this.mms = mms;
      this.region = region;
      this.carrier = carrier;
      this.monthlyRental = monthlyRental;
      this.addedOn = addedOn;
    }
  }

  /** A SIP endpoint; Plivo keeps only a hash of its password. */
  static final class Endpoint {
    final String id;
    final String username;
    final Instant created;
    String passwordHash;
    String alias;
    String appId;
    String owner;

    Endpoint(String id, String username, Instant created) {
      this.id = id;
      this.username = username;
      this.created = created;
    }
  }

  static final class Carrier {
    final String id;
    String name;
    List<String> ipSet;

    Carrier(String id, String name, List<String> ipSet) {
      this.id = id;
      this.name = name;
      this.ipSet = List.copyOf(ipSet);
    }
  }

  /** A live conference: its members by member id, in the order they joined, and a running recording. */
  static final class Conference {
    final String name;
    final Instant started;
    final Map<String, Member> members = new LinkedHashMap<>();
    int nextMemberId = 1;
    String recordingId;
    String recordingFormat = "mp3";
    Instant recordingSince;

    Conference(String name, Instant started) {
      this.name = name;
      this.started = started;
    }
  }

  static final class Member {
    final String memberId;
    final String callUuid;
    final Instant joined;
    boolean muted;
    boolean deaf;
    String playing;
    String speaking;

    Member(String memberId, String callUuid, Instant joined) {
      this.memberId = memberId;
      this.callUuid = callUuid;
      this.joined = joined;
    }
  }
}
