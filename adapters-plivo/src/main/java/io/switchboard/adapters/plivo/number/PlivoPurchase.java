package io.switchboard.adapters.plivo.number;

import java.util.List;

/**
 * What buying a number answers: the order's status ({@code fulfilled}, or {@code pending} while Plivo completes it)
 * and each number with its own status ({@code Success}).
 */
public record PlivoPurchase(String status, List<Item> numbers) {

    public PlivoPurchase {
        status = status == null ? "" : status;
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }

    /** One number of the order, in E.164, with its status. */
    public record Item(String number, String status) {
    }
}
