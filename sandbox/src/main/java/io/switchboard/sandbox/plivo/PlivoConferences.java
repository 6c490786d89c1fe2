package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code Conference/}: the live conferences of an account (calls join them through
 * {@link PlivoEmulator#joinConference}, as a Conference XML element would), hanging them up, recording them, and what
 * can be done to members: hang up, kick, mute, deaf, play and speak. {@code member_id} is one id, several separated by
 * commas, or {@code all}. Hanging up a member ends its call (billed); kicking one leaves its call live. A conference
 * left without members ends.
 */
final class PlivoConferences {
  private final PlivoEmulator emulator;
  private final PlivoCalls calls;

  PlivoConferences(PlivoEmulator emulator, PlivoCalls calls) {
    this.emulator = emulator;
    this.calls = calls;
  }

  void register(Router router, String base) {
    String conference = base + "Conference/{name}/";
    String member = conference + "Member/{member_id}/";
    router.get(base + "Conference/", this::list)
        .delete(base + "Conference/", this::hangupAll)
        .get(conference, this::get)
        .delete(conference, this::hangup)
        .post(conference + "Record/", this::record)
        .delete(conference + "Record/", this::stopRecording)
        .delete(member, this::hangupMembers)
        .post(member + "Kick/", this::kick)
        .post(member + "Mute/", r -> act(r, "muted", m -> m.muted = true))
        .delete(member + "Mute/", r -> act(r, null, m -> m.muted = false))
        .post(member + "Deaf/", r -> act(r, "deaf", m -> m.deaf = true))
        .delete(member + "Deaf/", r -> act(r, null, m -> m.deaf = false))
        .post(member + "Play/", this::play)
        .delete(member + "Play/", r -> act(r, null, m -> m.playing = null))
        .post(member + "Speak/", this::speak)
        .delete(member + "Speak/", r -> act(r, null, m -> m.speaking = null));
  }

  /** Puts a live, answered call into a conference (created on first join); answers its member id. */
  String join(String callUuid, String name) {
    for (PlivoState.Account account : emulator.accounts()) {
      synchronized (account.lock) {
        for (PlivoState.StoredCall call : account.calls) {
          if (call.uuid.equals(callUuid)) {
            if (call.phase != PlivoState.Phase.IN_PROGRESS) {
              throw new IllegalStateException("call " + callUuid + " is not answered and live");
            }
            calls.leaveConference(account, call);
            PlivoState.Conference conference = account.conferences.computeIfAbsent(name,
                n -> new PlivoState.Conference(n, emulator.now()));
            String memberId = Integer.toString(conference.nextMemberId++);
            conference.members.put(memberId, new PlivoState.Member(memberId, call.uuid, emulator.now()));
            call.conference = name;
            return memberId;
          }
        }
      }
    }
    throw new IllegalArgumentException("no call " + callUuid);
  }

  Response list(Request request) {
    PlivoState.Account account = emulator.account(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", emulator.newUuid());
    synchronized (account.lock) {
      body.put("conferences", List.copyOf(account.conferences.keySet()));
    }
    return Response.json(200, body);
  }

  Response get(Request request) {
    PlivoState.Account account = emulator.account(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", emulator.newUuid());
    synchronized (account.lock) {
      PlivoState.Conference c = conference(account, request);
      body.put("conference_name", c.name);
      body.put("conference_run_time", Long.toString(Duration.between(c.started, emulator.now()).getSeconds()));
      body.put("conference_member_count", Integer.toString(c.members.size()));
      List<Map<String, Object>> members = new ArrayList<>();
      for (PlivoState.Member m : c.members.values()) {
        PlivoState.StoredCall call = account.calls.stream().filter(x -> x.uuid.equals(m.callUuid)).findFirst()
            .orElseThrow();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("muted", m.muted);
        o.put("member_id", m.memberId);
        o.put("deaf", m.deaf);
        o.put("from", call.from);
        o.put("to", call.to);
        o.put("caller_name", call.options.getOrDefault("caller_name", "+" + call.from));
        o.put("direction", call.direction);
        o.put("call_uuid", call.uuid);
        o.put("join_time", Long.toString(Duration.between(m.joined, emulator.now()).getSeconds()));
        members.add(o);
      }
      body.put("members", members);
    }
    return Response.json(200, body);
  }

  Response hangupAll(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      for (PlivoState.Conference c : List.copyOf(account.conferences.values())) {
        end(account, c);
      }
    }
    return Response.noContent();
  }

  Response hangup(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      end(account, conference(account, request));
    }
    return Response.noContent();
  }

  /** Hangs up every member's call; the conference ends with its last member. */
  private void end(PlivoState.Account account, PlivoState.Conference c) {
    for (PlivoState.Member m : List.copyOf(c.members.values())) {
      account.calls.stream().filter(x -> x.uuid.equals(m.callUuid) && x.isLive()).findFirst()
          .ifPresent(call -> calls.hangup(account, call));
    }
    if (account.conferences.containsKey(c.name)) {
      calls.endConference(account, c);
    }
  }

  Response record(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String format = PlivoLiveCalls.recordingOptions(emulator, p);
    Map<String, Object> answer = new LinkedHashMap<>();
    synchronized (account.lock) {
      PlivoState.Conference c = conference(account, request);
      if (c.recordingId == null) {
        c.recordingId = emulator.newUuid();
        c.recordingFormat = format;
        c.recordingSince = emulator.now();
      }
      answer.put("api_id", emulator.newUuid());
      answer.put("message", "conference recording started");
      answer.put("recording_id", c.recordingId);
      answer.put("url", PlivoLiveCalls.mediaUrl(account, c.recordingId, c.recordingFormat));
    }
    return Response.json(202, answer);
  }

  Response stopRecording(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      PlivoState.Conference c = conference(account, request);
      if (c.recordingId == null) {
        throw emulator.halt(404, "conference " + c.name + " is not being recorded");
      }
      long ms = Math.max(0, Duration.between(c.recordingSince, emulator.now()).toMillis());
      account.recordings.add(0, new PlivoState.StoredRecording(c.recordingId, "", c.name, emulator.now(), ms, "", "",
          c.recordingFormat));
      c.recordingId = null;
    }
    return Response.noContent();
  }

  Response hangupMembers(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      PlivoState.Conference c = conference(account, request);
      for (PlivoState.Member m : members(c, request)) {
        account.calls.stream().filter(x -> x.uuid.equals(m.callUuid) && x.isLive()).findFirst()
            .ifPresent(call -> calls.hangup(account, call));
      }
    }
    return Response.noContent();
  }

  /** Takes members out of the conference; their calls go on to the next element of their XML (stay live here). */
  Response kick(Request request) {
    PlivoState.Account account = emulator.account(request);
    List<String> ids = new ArrayList<>();
    synchronized (account.lock) {
      PlivoState.Conference c = conference(account, request);
      for (PlivoState.Member m : members(c, request)) {
        ids.add(m.memberId);
        account.calls.stream().filter(x -> x.uuid.equals(m.callUuid)).findFirst()
            .ifPresent(call -> calls.leaveConference(account, call));
      }
    }
    return memberAnswer("kicked", ids);
  }

  Response play(Request request) {
    PlivoParams p = PlivoParams.of(emulator, request);
    String url = p.required("url");
    if (!PlivoParams.isUrl(url)) {
      throw emulator.halt(400, "url must be a valid http(s) URL, got '" + url + "'");
    }
    return act(request, "play queued into conference", m -> m.playing = url);
  }

  Response speak(Request request) {
    PlivoParams p = PlivoParams.of(emulator, request);
    String text = p.required("text");
    PlivoLiveCalls.speechOptions(emulator, p);
    return act(request, "speak queued into conference", m -> m.speaking = text);
  }

  /** Applies {@code change} to the addressed members: 202 with their ids, or 204 for the DELETE forms. */
  private Response act(Request request, String message, Consumer<PlivoState.Member> change) {
    PlivoState.Account account = emulator.account(request);
    List<String> ids = new ArrayList<>();
    synchronized (account.lock) {
      for (PlivoState.Member m : members(conference(account, request), request)) {
        change.accept(m);
        ids.add(m.memberId);
      }
    }
    return message == null ? Response.noContent() : memberAnswer(message, ids);
  }

  private Response memberAnswer(String message, List<String> ids) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api_id", emulator.newUuid());
    answer.put("message", message);
    answer.put("member_id", ids);
    return Response.json(202, answer);
  }

  private PlivoState.Conference conference(PlivoState.Account account, Request request) {
    PlivoState.Conference c = account.conferences.get(request.pathVar("name"));
    if (c == null) {
      throw emulator.halt(404, "no live conference " + request.pathVar("name"));
    }
    return c;
  }

  private List<PlivoState.Member> members(PlivoState.Conference c, Request request) {
    String raw = request.pathVar("member_id");
    if (raw.equals("all")) {
      return List.copyOf(c.members.values());
    }
    List<PlivoState.Member> out = new ArrayList<>();
    for (String id : raw.split(",")) {
      PlivoState.Member m = c.members.get(id.trim());
      if (m == null) {
        throw emulator.halt(404, "member_id " + id.trim() + " is not in conference " + c.name);
      }
      out.add(m);
    }
    return out;
  }
}
