package io.switchboard.adapters.plivo;

import java.util.Optional;

/**
 * The filters of the seeds' {@code list_numbers}: {@code numberType} ({@code local}, {@code tollfree},
 * {@code national}), {@code service} ({@code voice}, {@code sms}, {@code voice,sms}) and the digits a number starts
 * with.
 */
public record PlivoNumberFilter(Optional<String> numberType, Optional<String> service, Optional<String> startsWith) {

    public PlivoNumberFilter {
        numberType = numberType == null ? Optional.empty() : numberType;
        service = service == null ? Optional.empty() : service;
        startsWith = startsWith == null ? Optional.empty() : startsWith;
    }

    public static PlivoNumberFilter all() {
        return new PlivoNumberFilter(null, null, null);
    }

    public PlivoNumberFilter withNumberType(String value) {
        return new PlivoNumberFilter(Optional.ofNullable(value), service, startsWith);
    }

    public PlivoNumberFilter withService(String value) {
        return new PlivoNumberFilter(numberType, Optional.ofNullable(value), startsWith);
    }

    public PlivoNumberFilter withStartsWith(String digits) {
        return new PlivoNumberFilter(numberType, service, Optional.ofNullable(digits));
    }
}
