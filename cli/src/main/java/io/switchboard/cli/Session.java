package io.switchboard.cli;

import io.switchboard.application.RoutingPolicy;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.Switchboard;
import io.switchboard.SwitchboardBuilder;
import io.switchboard.config.AccountConfig;
import io.switchboard.config.ConfigLoader;
import io.switchboard.config.SenderPoolConfig;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.Failure;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One command's Switchboard: built from the configuration file given with {@code --config}, or on the embedded
 * sandbox when there is none (said on stderr). Errors in the file or in setting up its accounts end the program with
 * {@link ExitCodes#CONFIGURATION} and the key path at fault.
 */
final class Session implements AutoCloseable {

    private final Switchboard switchboard;
    private final RoutingPolicy policy;
    private final Set<String> pools;
    private final Output output;

    private Session(Switchboard switchboard, RoutingPolicy policy, Set<String> pools, Output output) {
        this.switchboard = switchboard;
        this.policy = policy;
        this.pools = pools;
        this.output = output;
    }

    static Session open(SwitchboardCli root) {
        return open(root, builder -> { });
    }

    /** Opens a session; {@code customize} may add to the builder before the facade is built. */
    static Session open(SwitchboardCli root, Consumer<SwitchboardBuilder> customize) {
        Output output = root.output();
        SwitchboardBuilder builder = Switchboard.builder();
        Path file = root.config();
        Set<String> pools = new TreeSet<>();
        EmbeddedSandbox sandbox = null;
        if (file != null) {
            SwitchboardConfig config;
            try {
                config = new ConfigLoader(root.environment().variables()).load(file);
                for (AccountConfig account : config.accounts()) {
                    account.secrets().values().forEach(secret -> root.redactor().add(secret.reveal()));
                }
                builder.configuration(config);
            } catch (SwitchboardException e) {
                throw configurationError(file, e);
            }
            config.senderPools().stream().map(SenderPoolConfig::pool).forEach(pools::add);
            output.detail("configuration " + file + ": accounts "
                    + config.accounts().stream().map(a -> a.id().toString()).toList());
        } else {
            output.note("no --config given: running against the embedded sandbox "
                    + "(Twilio, Plivo and Telnyx emulators on loopback, sandbox credentials)");
            sandbox = root.environment().sandbox().get();
            sandbox.configure(builder);
            pools.add(EmbeddedSandbox.POOL);
        }
        try {
            customize.accept(builder);
            return new Session(builder.build(), builder.policy(), Set.copyOf(pools), output);
        } catch (RuntimeException e) {
            if (sandbox != null) {
                sandbox.close();
            }
            Optional<SwitchboardException> cause = Errors.switchboardCause(e);
            if (file != null && cause.isPresent()) {
                throw configurationError(file, cause.get());
            }
            throw e;
        }
    }

    /** A path as typed, on one line; a path too long to be one is quoted cut with its length. */
    private static String shown(String path) {
        return path.length() <= 200 ? ErrorText.oneLine(path) : ErrorText.quote(path);
    }

    private static CliException configurationError(Path file, SwitchboardException e) {
        return new CliException(ExitCodes.CONFIGURATION, "configuration error in "
                + shown(file.toString()) + ": " + e.failure().message(), e);
    }

    Switchboard switchboard() {
        return switchboard;
    }

    /** The routing policy of the configuration (the default one on the sandbox). */
    RoutingPolicy policy() {
        return policy;
    }

    /** The policy, pinned to {@code account} when one is given; the account must be configured. */
    RoutingPolicy policy(AccountId pinned) {
        if (pinned == null) {
            return policy;
        }
        return policy.toBuilder().pinned(configured(pinned)).build();
    }

    /** The account, when it is configured; a usage error naming the configured ones otherwise. */
    AccountId configured(AccountId account) {
        if (!switchboard.accounts().contains(account)) {
            throw CliException.usage("'--account' " + account + " is not configured; configured: "
                    + switchboard.accounts());
        }
        return account;
    }

    /**
     * The sender named on the command line: a {@code +} number, a configured pool name, or else an alphanumeric
     * sender ID. Without one, the only configured pool (the sandbox's pool on the sandbox).
     */
    Sender sender(String text) {
        if (text == null) {
            if (pools.size() == 1) {
                return new SenderPool(pools.iterator().next());
            }
            throw CliException.usage("'--from' is required: a number (+...), a sender ID, or one of the pools "
                    + pools);
        }
        try {
            if (text.startsWith("+")) {
                return PhoneNumber.parse(text, "--from");
            }
            return pools.contains(text) ? new SenderPool(text) : SenderId.of(text);
        } catch (SwitchboardException e) {
            throw CliException.usage("'--from' must be a number (+...), a sender ID or one of the pools " + pools
                    + ": " + Converters.problem(e.failure()));
        }
    }

    /** Loads vendor prices for the countries of these numbers, so that quotes and routing see every account. */
    void warmUp(Collection<PhoneNumber> destinations, Product... products) {
        Set<String> countries = new TreeSet<>();
        for (PhoneNumber number : destinations) {
            if (!"ZZ".equals(number.regionCode())) {
                countries.add(number.regionCode());
            }
        }
        warmUpCountries(countries, products);
    }

    void warmUpCountries(Collection<String> countries, Product... products) {
        if (countries.isEmpty()) {
            return;
        }
        List<Failure> failures = switchboard.costs().warmUp(countries, List.of(products));
        Map<AccountId, Failure> byAccount = new LinkedHashMap<>();
        for (Failure failure : failures) {
            output.detail("prices not loaded: " + failure);
            failure.account().ifPresent(account -> byAccount.putIfAbsent(account, failure));
        }
        byAccount.forEach((account, failure) -> {
            String line = pricingProblem(account, failure);
            if (line != null) {
                output.note(line);
            }
        });
    }

    /**
     * One line for an account whose pricing API failed for a reason that concerns the whole account (refused
     * credentials, unreachable, out of funds, rate limited): the account is left out wherever it has no price, which
     * the user must not have to find with -v. Null for a country the vendor does not price (that shows in the rows).
     */
    static String pricingProblem(AccountId account, Failure failure) {
        String status = failure.httpStatus().isPresent() ? ", HTTP " + failure.httpStatus().getAsInt() : "";
        String what = switch (failure.kind()) {
            case AUTHENTICATION -> "the vendor refused its credentials";
            case UNAVAILABLE -> "its pricing API cannot be reached";
            case INSUFFICIENT_FUNDS -> "the vendor says its balance is exhausted";
            case RATE_LIMITED -> "its pricing API is rate limiting us";
            case CONFIGURATION -> "its requests cannot be built from its configuration";
            default -> null;
        };
        if (what == null) {
            return null;
        }
        return account + ": " + what + " (" + failure.kind() + status + ": " + failure.message()
                + "); its prices are not loaded, so it is left out where it has no price";
    }

    @Override
    public void close() {
        switchboard.close();
    }
}
