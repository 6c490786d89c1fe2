package io.switchboard;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.port.ProviderConnector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Lists from several accounts, keeping each account's failure beside what the others returned. */
final class Gather {

    private static final int PAGE_SIZE = 100;

    private Gather() {
    }

    static <T> AcrossAccounts<T> fromEach(List<ProviderConnector> connectors, int limitPerAccount,
            BiFunction<ProviderConnector, PageRequest, Page<T>> list, Comparator<T> order) {
        Checks.positive(limitPerAccount, "limit");
        List<T> items = new ArrayList<>();
        Map<AccountId, Failure> failures = new LinkedHashMap<>();
        for (ProviderConnector connector : connectors) {
            try {
                items.addAll(Pages.collect(page -> list.apply(connector, page), limitPerAccount, PAGE_SIZE));
            } catch (SwitchboardException e) {
                failures.put(connector.account(), e.failure());
            } catch (RuntimeException e) {
                failures.put(connector.account(), Failure.of(FailureKind.UNAVAILABLE,
                        "listing failed: " + e.getClass().getSimpleName()).withAccount(connector.account()));
            }
        }
        if (order != null) {
            items.sort(order);
        }
        return new AcrossAccounts<>(items, failures);
    }
}
