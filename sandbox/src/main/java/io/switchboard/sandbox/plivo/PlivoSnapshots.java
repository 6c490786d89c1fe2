package io.switchboard.sandbox.plivo;

import java.util.List;
import java.util.Map;

/**
 * What a test can see of the emulator's live state that Plivo's API does not show: where a live call's instructions
 * come from after a transfer, what is playing or being spoken on it, the digits sent to it, and a conference member's
 * audio. Immutable copies taken under the account's lock.
 */
public final class PlivoSnapshots {
  private PlivoSnapshots() {}

  /**
   * One call.
   *
   * @param phase queued, ringing, in-progress or completed
   * @param url the URL whose XML the call executes: the answer URL, or the last transfer's
   * @param bridgedWith the uuid of the call's bridged leg, or null
   * @param recordingId the running recording's id, or null
   * @param playing the URLs being played, empty when none
   * @param speaking the text being spoken, or null
   * @param digitsSent every digit sent through the DTMF API, in order
   * @param conference the conference the call is in, or null
   * @param options the make-call parameters as Plivo received them (snake_case names, text values)
   */
  public record Call(String callUuid, String phase, String url, String urlMethod, String bridgedWith,
      String recordingId, List<String> playing, String speaking, String digitsSent, String conference,
      Map<String, String> options) {}

  /** One conference member: muted, deaf, and the audio played or spoken to it alone. */
  public record Member(String memberId, String callUuid, boolean muted, boolean deaf, String playing,
      String speaking) {}

  /** One live conference, with whether it is being recorded. */
  public record Conference(String name, List<Member> members, String recordingId) {}

  static Call of(PlivoState.StoredCall c) {
    return new Call(c.uuid, c.liveStatus(), c.url, c.urlMethod, c.bridged, c.recordingId, List.copyOf(c.playing),
        c.speaking, c.digitsSent.toString(), c.conference, c.options);
  }

  static Conference of(PlivoState.Conference c) {
    return new Conference(c.name, c.members.values().stream()
        .map(m -> new Member(m.memberId, m.callUuid, m.muted, m.deaf, m.playing, m.speaking)).toList(),
        c.recordingId);
  }
}
