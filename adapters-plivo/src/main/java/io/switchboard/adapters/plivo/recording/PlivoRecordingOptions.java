package io.switchboard.adapters.plivo.recording;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * How a call or a conference is recorded: maximum length (calls only, in seconds; Plivo's default 60), file format
 * ({@code mp3}, Plivo's default, or {@code wav}), transcription ({@code auto}, the default, or {@code hybrid}) and
 * where it is sent, and the URL called when the recording ends. Methods are GET or POST (Plivo's default).
 */
public record PlivoRecordingOptions(
        Optional<Integer> timeLimit,
        Optional<String> fileFormat,
        Optional<String> transcriptionType,
        Optional<URI> transcriptionUrl,
        Optional<String> transcriptionMethod,
        Optional<URI> callbackUrl,
        Optional<String> callbackMethod) {

    public PlivoRecordingOptions {
        timeLimit = PlivoChecks.atLeast(timeLimit, 1, "time_limit");
        fileFormat = PlivoChecks.oneOf(fileFormat, Set.of("mp3", "wav"), "file_format");
        transcriptionType = PlivoChecks.oneOf(transcriptionType, Set.of("auto", "hybrid"), "transcription_type");
        transcriptionUrl = PlivoChecks.url(transcriptionUrl, "transcription_url");
        transcriptionMethod = PlivoChecks.method(transcriptionMethod, "transcription_method");
        callbackUrl = PlivoChecks.url(callbackUrl, "callback_url");
        callbackMethod = PlivoChecks.method(callbackMethod, "callback_method");
    }

    /** Plivo's defaults for everything. */
    public static PlivoRecordingOptions defaults() {
        return new PlivoRecordingOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public PlivoRecordingOptions withTimeLimit(int seconds) {
        return new PlivoRecordingOptions(Optional.of(seconds), fileFormat, transcriptionType, transcriptionUrl,
                transcriptionMethod, callbackUrl, callbackMethod);
    }

    public PlivoRecordingOptions withFileFormat(String format) {
        return new PlivoRecordingOptions(timeLimit, Optional.ofNullable(format), transcriptionType, transcriptionUrl,
                transcriptionMethod, callbackUrl, callbackMethod);
    }

    public PlivoRecordingOptions withTranscription(String type, URI url, String method) {
        return new PlivoRecordingOptions(timeLimit, fileFormat, Optional.ofNullable(type), Optional.ofNullable(url),
                Optional.ofNullable(method), callbackUrl, callbackMethod);
    }

    public PlivoRecordingOptions withCallback(URI url, String method) {
        return new PlivoRecordingOptions(timeLimit, fileFormat, transcriptionType, transcriptionUrl,
                transcriptionMethod, Optional.ofNullable(url), Optional.ofNullable(method));
    }
}
