package io.switchboard.sandbox.plivo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one emulated Plivo account holds: credentials, credit, and the messages, calls, recordings and applications
 * it has. Lists are newest first, as Plivo lists them. Every access goes through the account's monitor.
 */
final class PlivoState {
  private PlivoState() {}

  /** Where a call is: waiting in Plivo's queue, live, or ended (then it has a call detail record). */
  enum Phase { QUEUED, RINGING, IN_PROGRESS, ENDED }

  static final class Account {
    final String authId;
    final String authToken;
    final String name;
    BigDecimal cashCredits;
    final List<StoredMessage> messages = new ArrayList<>();
    final List<StoredCall> calls = new ArrayList<>();
    final List<StoredRecording> recordings = new ArrayList<>();
    final List<Application> applications = new ArrayList<>();

    Account(String authId, String authToken, String name, BigDecimal cashCredits) {
      this.authId = authId;
      this.authToken = authToken;
      this.name = name;
      this.cashCredits = cashCredits;
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
    }
  }

  static final class StoredCall {
    final String uuid;
    final String from;
    final String to;
    final String direction;
    final Instant initiated;
    final int seconds;
    final int minutes;
    final BigDecimal rate;
    final BigDecimal amount;
    Phase phase;
    String outcome;
    Instant answered;
    Instant ended;

    StoredCall(String uuid, String from, String to, String direction, Instant initiated, int seconds, int minutes,
        BigDecimal rate, BigDecimal amount, Phase phase) {
      this.uuid = uuid;
      this.from = from;
      this.to = to;
      this.direction = direction;
      this.initiated = initiated;
      this.seconds = seconds;
      this.minutes = minutes;
      this.rate = rate;
      this.amount = amount;
      this.phase = phase;
    }

    /** Ends the call as answered, {@code seconds} after it started ringing. */
    void end() {
      phase = Phase.ENDED;
      outcome = "ANSWER";
      answered = initiated.plusSeconds(2);
      ended = answered.plusSeconds(seconds);
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
      String from, String to) {}

  record Application(String appId, String name, String answerUrl, String answerMethod, String hangupUrl,
      String messageUrl, String fallbackAnswerUrl, boolean defaultApp) {}
}
