package io.switchboard.adapters.plivo;

import io.switchboard.domain.SwitchboardException;

/**
 * What Plivo offers beyond the ports, with Plivo's parameters as they are, grouped by resource as Plivo's API
 * reference (https://www.plivo.com/docs/) groups them. Every method raises only {@link SwitchboardException}, naming
 * this account, and checks its parameters before any request; lists page with {@link PlivoPaging}.
 */
public final class PlivoApi {

    private final PlivoAccountsApi accounts;
    private final PlivoSubaccountsApi subaccounts;
    private final PlivoApplicationsApi applications;
    private final PlivoCallsApi calls;
    private final PlivoConferencesApi conferences;
    private final PlivoEndpointsApi endpoints;
    private final PlivoMessagesApi messages;
    private final PlivoNumbersApi numbers;
    private final PlivoPricingApi pricing;
    private final PlivoRecordingsApi recordings;
    private final PlivoCarriersApi carriers;

    PlivoApi(PlivoContext ctx, PlivoMessaging messaging, PlivoVoice voice, PlivoNumbers numbers,
            PlivoAccount account, PlivoPricing pricing, PlivoRecordings recordings) {
        this.accounts = new PlivoAccountsApi(ctx, account);
        this.subaccounts = new PlivoSubaccountsApi(ctx);
        this.applications = new PlivoApplicationsApi(ctx);
        this.calls = new PlivoCallsApi(ctx, voice);
        this.conferences = new PlivoConferencesApi(ctx);
        this.endpoints = new PlivoEndpointsApi(ctx);
        this.messages = new PlivoMessagesApi(messaging);
        this.numbers = new PlivoNumbersApi(ctx, numbers);
        this.pricing = new PlivoPricingApi(pricing);
        this.recordings = new PlivoRecordingsApi(recordings);
        this.carriers = new PlivoCarriersApi(ctx);
    }

    /** The account: details and changes to name, city and address. */
    public PlivoAccountsApi accounts() {
        return accounts;
    }

    /** The main account's subaccounts. */
    public PlivoSubaccountsApi subaccounts() {
        return subaccounts;
    }

    /** Applications: the URLs Plivo calls for the numbers and endpoints attached to them. */
    public PlivoApplicationsApi applications() {
        return applications;
    }

    /** Placing calls, their records, live calls and what can be done to them, and queued call requests. */
    public PlivoCallsApi calls() {
        return calls;
    }

    /** Live conferences and their members. */
    public PlivoConferencesApi conferences() {
        return conferences;
    }

    /** SIP endpoints. */
    public PlivoEndpointsApi endpoints() {
        return endpoints;
    }

    /** Sends to several destinations at once, and lists with Plivo's filters (subaccount, error code ...). */
    public PlivoMessagesApi messages() {
        return messages;
    }

    /** The account's numbers, and numbers to buy. */
    public PlivoNumbersApi numbers() {
        return numbers;
    }

    /** Rates by country. */
    public PlivoPricingApi pricing() {
        return pricing;
    }

    /** Recordings, listed with Plivo's filters (add time, subaccount, call). */
    public PlivoRecordingsApi recordings() {
        return recordings;
    }

    /** Incoming carriers: where calls to the account's own carrier numbers come from. */
    public PlivoCarriersApi carriers() {
        return carriers;
    }
}
