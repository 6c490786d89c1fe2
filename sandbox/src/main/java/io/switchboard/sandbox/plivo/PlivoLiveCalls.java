package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API does to a live call: hang it up (or all of them), transfer it, record it, play or speak into it, send
 * digits, and cancel a queued call request. Each changes the call the emulator holds; a call that is not live is
 * 404, as Plivo answers for an unknown live call, and media on a call still ringing is 400.
 */
final class PlivoLiveCalls {
  private static final Set<String> LEGS = Set.of("aleg", "bleg", "both");

  private final PlivoEmulator emulator;
  private final PlivoCalls calls;

  PlivoLiveCalls(PlivoEmulator emulator, PlivoCalls calls) {
    this.emulator = emulator;
    this.calls = calls;
  }

  void register(Router router, String base) {
    String call = base + "Call/{uuid}/";
    router.delete(base + "Call/", this::hangupAll)
        .delete(call, this::hangup)
        .post(call, this::transfer)
        .post(call + "Record/", this::record)
        .delete(call + "Record/", this::stopRecording)
        .post(call + "Play/", this::play)
        .delete(call + "Play/", this::stopPlaying)
        .post(call + "Speak/", this::speak)
        .delete(call + "Speak/", this::stopSpeaking)
        .post(call + "DTMF/", this::digits)
        .delete(base + "Request/{request_uuid}/", this::cancelRequest);
  }

  Response hangup(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      calls.hangup(account, live(account, request.pathVar("uuid")));
    }
    return Response.noContent();
  }

  Response hangupAll(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      for (PlivoState.StoredCall call : List.copyOf(account.calls)) {
        if (call.isLive()) {
          calls.hangup(account, call);
        }
      }
    }
    return Response.noContent();
  }

  /** Plivo's rules: {@code legs} aleg (default), bleg or both; each leg transferred needs its URL. */
  Response transfer(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String legs = p.oneOf("legs", LEGS, "aleg");
    String alegUrl = p.url("aleg_url");
    String blegUrl = p.url("bleg_url");
    String alegMethod = p.method("aleg_method", "POST");
    String blegMethod = p.method("bleg_method", "POST");
    if (!legs.equals("bleg") && alegUrl == null) {
      throw emulator.halt(400, "aleg_url is required when legs is " + legs);
    }
    if (!legs.equals("aleg") && blegUrl == null) {
      throw emulator.halt(400, "bleg_url is required when legs is " + legs);
    }
    synchronized (account.lock) {
      PlivoState.StoredCall call = live(account, request.pathVar("uuid"));
      PlivoState.StoredCall bridged = null;
      if (!legs.equals("aleg")) {
        bridged = call.bridged == null ? null : find(account, call.bridged);
        if (bridged == null) {
          throw emulator.halt(400, "legs " + legs + ": call " + call.uuid + " has no bridged leg");
        }
      }
      if (!legs.equals("bleg")) {
        call.url = alegUrl;
        call.urlMethod = alegMethod;
      }
      if (bridged != null) {
        bridged.url = blegUrl;
        bridged.urlMethod = blegMethod;
      }
    }
    return accepted("call transferred");
  }

  Response record(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    Integer limit = p.integer("time_limit", 1, 86_400);
    String format = recordingOptions(emulator, p);
    Map<String, Object> answer = new LinkedHashMap<>();
    synchronized (account.lock) {
      PlivoState.StoredCall call = answered(account, request.pathVar("uuid"));
      calls.saveRecording(account, call);
      call.recordingId = emulator.newUuid();
      call.recordingFormat = format;
      call.recordingSince = emulator.now();
      call.recordingLimit = limit == null ? 60 : limit;
      answer.put("api_id", emulator.newUuid());
      answer.put("message", "call recording started");
      answer.put("recording_id", call.recordingId);
      answer.put("url", mediaUrl(account, call.recordingId, format));
    }
    return Response.json(202, answer);
  }

  /** The parameters a call and a conference recording share; answers the file format. */
  static String recordingOptions(PlivoEmulator emulator, PlivoParams p) {
    String format = p.oneOf("file_format", Set.of("mp3", "wav"), "mp3");
    p.oneOf("transcription_type", Set.of("auto", "hybrid"), "auto");
    p.url("transcription_url");
    p.method("transcription_method", "POST");
    p.url("callback_url");
    p.method("callback_method", "POST");
    return format;
  }

  static String mediaUrl(PlivoState.Account account, String recordingId, String format) {
    return "https://media.plivo.com/v1/Account/" + account.authId + "/Recording/" + recordingId + "." + format;
  }

  Response stopRecording(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      PlivoState.StoredCall call = live(account, request.pathVar("uuid"));
      if (call.recordingId == null) {
        throw emulator.halt(404, "call " + call.uuid + " is not being recorded");
      }
      calls.saveRecording(account, call);
    }
    return Response.noContent();
  }

  Response play(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    List<String> urls = p.list("urls");
    if (urls.isEmpty()) {
      throw emulator.halt(400, "urls is a mandatory parameter");
    }
    for (String url : urls) {
      if (!PlivoParams.isUrl(url)) {
        throw emulator.halt(400, "urls holds '" + url + "', which is not an http(s) URL");
      }
    }
    p.integer("length", 1, 86_400);
    String legs = p.oneOf("legs", LEGS, "aleg");
    p.bool("loop");
    p.bool("mix");
    synchronized (account.lock) {
      for (PlivoState.StoredCall call : legs(account, request.pathVar("uuid"), legs)) {
        call.playing = List.copyOf(urls);
      }
    }
    return accepted("play started");
  }

  Response stopPlaying(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      live(account, request.pathVar("uuid")).playing = List.of();
    }
    return Response.noContent();
  }

  Response speak(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String text = p.required("text");
    speechOptions(emulator, p);
    String legs = p.oneOf("legs", LEGS, "aleg");
    p.bool("loop");
    p.bool("mix");
    synchronized (account.lock) {
      for (PlivoState.StoredCall call : legs(account, request.pathVar("uuid"), legs)) {
        call.speaking = text;
      }
    }
    return accepted("speak started");
  }

  /** {@code voice} MAN or WOMAN, {@code language} such as en-US. */
  static void speechOptions(PlivoEmulator emulator, PlivoParams p) {
    String voice = p.text("voice");
    if (voice != null && !voice.equals("MAN") && !voice.equals("WOMAN")) {
      throw emulator.halt(400, "voice must be MAN or WOMAN, got '" + voice + "'");
    }
    String language = p.text("language");
    if (language != null && !language.matches("[a-z]{2,3}(-[A-Z]{2})?")) {
      throw emulator.halt(400, "language must look like en-US, got '" + language + "'");
    }
  }

  Response stopSpeaking(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      live(account, request.pathVar("uuid")).speaking = null;
    }
    return Response.noContent();
  }

  Response digits(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String digits = p.required("digits");
    if (!PlivoParams.DIGITS.matcher(digits).matches()) {
      throw emulator.halt(400, "digits must be digits, '*', '#', 'w' and 'W', got '" + digits + "'");
    }
    String leg = p.oneOf("leg", Set.of("aleg", "bleg"), "aleg");
    synchronized (account.lock) {
      legs(account, request.pathVar("uuid"), leg).forEach(c -> c.digitsSent.append(digits));
    }
    return accepted("digits sent");
  }

  /** Cancels a call request still in Plivo's queue: it never becomes a call, so it has no record and no cost. */
  Response cancelRequest(Request request) {
    PlivoState.Account account = emulator.account(request);
    String uuid = request.pathVar("request_uuid");
    synchronized (account.lock) {
      if (account.calls.removeIf(c -> c.uuid.equals(uuid) && c.phase == PlivoState.Phase.QUEUED)) {
        return Response.noContent();
      }
    }
    throw emulator.halt(404, "no queued call request " + uuid);
  }

  // ---- lookups (callers hold the lock)

  private PlivoState.StoredCall find(PlivoState.Account account, String uuid) {
    return account.calls.stream().filter(c -> c.uuid.equals(uuid)).findFirst().orElse(null);
  }

  private PlivoState.StoredCall live(PlivoState.Account account, String uuid) {
    PlivoState.StoredCall call = find(account, uuid);
    if (call == null || !call.isLive()) {
      throw emulator.halt(404, "no live call " + uuid);
    }
    return call;
  }

  private PlivoState.StoredCall answered(PlivoState.Account account, String uuid) {
    PlivoState.StoredCall call = live(account, uuid);
    if (call.phase != PlivoState.Phase.IN_PROGRESS) {
      throw emulator.halt(400, "call " + uuid + " has not been answered yet");
    }
    return call;
  }

  /** The answered call, its bridged leg, or both, as {@code legs} says; a B leg must exist when asked for. */
  private List<PlivoState.StoredCall> legs(PlivoState.Account account, String uuid, String legs) {
    PlivoState.StoredCall call = answered(account, uuid);
    if (legs.equals("aleg")) {
      return List.of(call);
    }
    PlivoState.StoredCall bridged = call.bridged == null ? null : find(account, call.bridged);
    if (bridged == null) {
      throw emulator.halt(400, "leg " + legs + ": call " + uuid + " has no bridged leg");
    }
    return legs.equals("bleg") ? List.of(bridged) : List.of(call, bridged);
  }

  private Response accepted(String message) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api_id", emulator.newUuid());
    answer.put("message", message);
    return Response.json(202, answer);
  }
}
