package io.switchboard;

/** Counts of a bulk send: every request ends sent, not sent, or with an unknown outcome. */
public record BulkSummary(long requests, long sent, long notSent, long outcomeUnknown) {
}
