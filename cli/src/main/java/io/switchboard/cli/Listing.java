package io.switchboard.cli;

import io.switchboard.AcrossAccounts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Printing what list and get commands return: tables, key-value records, and accounts that could not answer. */
final class Listing {

    private Listing() {
    }

    /** Checked before anything starts, so that a bad limit is a plain usage error. */
    static void checkLimit(int limit) {
        if (limit <= 0) {
            throw CliException.usage("'--limit' must be positive, got " + limit);
        }
    }

    /**
     * The first {@code limit} items in all: {@code --limit} is a total across accounts. Each account was asked for as
     * many, so the first of the merged, ordered list are the same as if one account held them all.
     */
    static <T> AcrossAccounts<T> total(AcrossAccounts<T> result, int limit) {
        return result.items().size() <= limit ? result
                : new AcrossAccounts<>(result.items().subList(0, limit), result.failures());
    }

    /** Up to {@code limit} items of one account: a failure there is the command's failure. */
    static <T> AcrossAccounts<T> one(Function<PageRequest, Page<T>> list, int limit) {
        return new AcrossAccounts<>(Pages.collect(list, limit, Math.min(limit, 100)), Map.of());
    }

    /**
     * Prints the items (a table, or JSON with {@code items} and {@code failures}) and a stderr line per account that
     * failed. Exit 1 when every account failed, 0 otherwise.
     */
    static <T> int print(Output out, AcrossAccounts<T> result, String noun, Function<T, Json.Obj> json, Table table,
            BiConsumer<Table, T> row) {
        if (out.isJson()) {
            out.json(JsonViews.across(result, json));
        } else {
            result.items().forEach(item -> row.accept(table, item));
            if (table.isEmpty()) {
                out.line("no " + noun);
            } else {
                out.table(table);
            }
        }
        Map<AccountId, Failure> failures = new TreeMap<>(result.failures());
        failures.forEach((account, failure) -> out.note(account + " could not list " + noun + ": "
                + Output.failureWithoutAccount(failure)));
        return !failures.isEmpty() && result.items().isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** One record: JSON, or one {@code key  value} line per field that has a value. */
    static int record(Output out, Json.Obj record) {
        if (out.isJson()) {
            out.json(record);
            return ExitCodes.OK;
        }
        int width = record.keySet().stream().mapToInt(String::length).max().orElse(0);
        record.forEach((key, value) -> {
            String text = text(value);
            if (!text.isBlank()) {
                out.line(key + " ".repeat(width - key.length() + 2) + text);
            }
        });
        return ExitCodes.OK;
    }

    /** A JSON value as people read it: money as "0.038 USD", lists joined, nested objects as key=value. */
    static String text(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("amount") && map.containsKey("currency")) {
                return map.get("amount") + " " + map.get("currency");
            }
            return map.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Listing::text).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
