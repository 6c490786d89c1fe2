package io.switchboard.config;

import io.switchboard.application.RoutingPolicy;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads a YAML configuration file and validates it completely before anything starts: the first error names its key
 * path ({@code accounts[1].credentials.authTokenEnv}) and the reason. Secrets are read from the environment variables
 * the file names; the file never holds them.
 */
public final class ConfigLoader {

    /** Which credentials each vendor takes: identifiers are plain values, secrets come from {@code <name>Env}. */
    private static final Map<String, VendorCredentials> VENDORS = Map.of(
            "twilio", new VendorCredentials(Set.of("accountSid", "apiKeySid"), Set.of("accountSid"),
                    Set.of("authToken", "apiKeySecret")),
            "plivo", new VendorCredentials(Set.of("authId"), Set.of("authId"), Set.of("authToken")),
            "telnyx", new VendorCredentials(Set.of("connectionId", "webhookPublicKey"), Set.of(), Set.of("apiKey")));

    private record VendorCredentials(Set<String> identifiers, Set<String> requiredIdentifiers, Set<String> secrets) {
    }

    /**
     * A Telnyx webhook public key as its portal shows it: the Base64 of a 32-byte Ed25519 key. It verifies callbacks
     * and is not a secret, so it is a plain value in the file and a wrong one may be shown.
     */
    private static void webhookPublicKey(Node node, String value) {
        byte[] raw;
        try {
            raw = java.util.Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw node.error("must be the Base64 public key the Telnyx portal shows, got " + ErrorText.quote(value));
        }
        if (raw.length != 32) {
            throw node.error("must be the Base64 of a 32-byte Ed25519 public key, got " + raw.length + " bytes");
        }
    }

    /** What an environment variable name may be: what POSIX shells accept. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** A name as variables are conventionally written; anything else might be a secret and is not echoed. */
    private static final Pattern CONVENTIONAL_ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

    /** The largest configuration file read: 1 MiB of UTF-8. */
    public static final int MAX_BYTES = 1 << 20;

    private final UnaryOperator<String> environment;

    /** A loader that reads secrets from {@code environment} (variable name to value, null when unset). */
    public ConfigLoader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** A loader over the process environment. */
    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    /** Reads {@code file}: UTF-8, at most {@link #MAX_BYTES} bytes, read without ever holding more. */
    public SwitchboardConfig load(Path file) {
        Path base = file.toAbsolutePath().getParent();
        return parse(read(file), base);
    }

    private static String read(Path file) {
        if (!Files.exists(file)) {
            throw SwitchboardException.invalid("config", "not found: " + ErrorText.quote(file.toString()));
        }
        if (Files.isDirectory(file)) {
            throw SwitchboardException.invalid("config", "is a directory, not a file: "
                    + ErrorText.quote(file.toString()));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw SwitchboardException.invalid("config", "cannot be read from " + ErrorText.quote(file.toString())
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw SwitchboardException.invalid("config", "is not UTF-8 text: " + ErrorText.quote(file.toString()));
        }
    }

    private static SwitchboardException tooLarge() {
        return SwitchboardException.invalid("config", "is larger than the limit of 1 MiB (" + MAX_BYTES
                + " bytes): not a configuration file");
    }

    /**
     * Parses YAML text; relative rate-deck paths resolve against {@code baseDirectory}. The text must be plain YAML:
     * one document of mappings, lists and plain values, no key twice in a mapping, no tags such as {@code !!binary}.
     */
    public SwitchboardConfig parse(String yaml, Path baseDirectory) {
        if (yaml != null && yaml.length() > MAX_BYTES) {
            throw tooLarge();
        }
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_BYTES + 1);
            Yaml parser = new Yaml(new SafeConstructor(options));
            YamlChecks.check(parser.compose(new StringReader(yaml == null ? "" : yaml)));
            document = parser.load(yaml == null ? "" : yaml);
        } catch (MarkedYAMLException e) {
            throw SwitchboardException.invalid("config", "is not valid YAML" + YamlChecks.where(e.getProblemMark())
                    + ": " + ErrorText.oneLine(e.getProblem() == null ? "" : e.getProblem()));
        } catch (YAMLException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw SwitchboardException.invalid("config", "is not valid YAML: " + ErrorText.oneLine(reason));
        } catch (SwitchboardException e) {
            throw e;
        } catch (RuntimeException e) {
            // SnakeYAML lets some tagged values through unwrapped (!!float x: NumberFormatException, !!map on a
            // scalar: ClassCastException). Their messages may quote the file, so only the type is kept.
            throw SwitchboardException.invalid("config", "is not valid YAML: a value does not match its tag ("
                    + e.getClass().getSimpleName() + ")");
        }
        Node root = new Node("", document).onlyKeys(Set.of("accounts", "rateDecks", "senderPools", "routing",
                "breaker", "callbacks", "state"));
        List<AccountConfig> accounts = accounts(root.get("accounts"));
        Set<AccountId> known = new LinkedHashSet<>();
        accounts.forEach(a -> known.add(a.id()));
        return new SwitchboardConfig(accounts, rateDecks(root.get("rateDecks"), known, baseDirectory),
                senderPools(root.get("senderPools"), known), routing(root.get("routing"), known),
                ResilienceKeys.breaker(root.get("breaker")), CallbackKeys.callbacks(root.get("callbacks")),
                StateKeys.state(root.get("state"), this::secret));
    }

    private List<AccountConfig> accounts(Node node) {
        if (node.list().isEmpty()) {
            throw node.error("must list at least one account");
        }
        List<AccountConfig> accounts = new ArrayList<>();
        Set<AccountId> seen = new HashSet<>();
        for (Node item : node.list()) {
            item.onlyKeys(Set.of("id", "credentials", "baseUrl", "rateLimit", "timeouts"));
            AccountId id = accountId(item.get("id"));
            if (!seen.add(id)) {
                throw item.get("id").error("duplicates account '" + id + "'");
            }
            VendorCredentials spec = VENDORS.get(id.vendor().name());
            if (spec == null) {
                throw item.get("id").error("names unknown vendor '" + id.vendor() + "'; expected one of "
                        + new java.util.TreeSet<>(VENDORS.keySet()));
            }
            Map<String, String> identifiers = new LinkedHashMap<>();
            Map<String, Secret> secrets = new LinkedHashMap<>();
            Node credentials = item.get("credentials");
            for (Node entry : credentials.entries()) {
                String key = entry.key();
                if (spec.identifiers().contains(key)) {
                    identifiers.put(key, entry.text());
                } else if (key.endsWith("Env") && spec.secrets().contains(key.substring(0, key.length() - 3))) {
                    secrets.put(key.substring(0, key.length() - 3), secret(entry));
                } else if (spec.secrets().contains(key)) {
                    throw entry.error("is a secret: name the environment variable that holds it as '" + key
                            + "Env' instead of writing it in the file");
                } else {
                    Set<String> allowed = new java.util.TreeSet<>(spec.identifiers());
                    spec.secrets().forEach(s -> allowed.add(s + "Env"));
                    throw entry.error("is not a " + id.vendor() + " credential; expected one of " + allowed);
                }
            }
            String publicKey = identifiers.get("webhookPublicKey");
            if (publicKey != null) {
                webhookPublicKey(credentials.get("webhookPublicKey"), publicKey);
            }
            for (String required : spec.requiredIdentifiers()) {
                if (!identifiers.containsKey(required)) {
                    throw credentials.get(required).error("is required for " + id.vendor());
                }
            }
            if (secrets.isEmpty()) {
                throw credentials.error("needs one of " + spec.secrets().stream().map(s -> s + "Env").sorted().toList()
                        + " for " + id.vendor());
            }
            Optional<URI> baseUrl = item.get("baseUrl").optionalText().map(text -> url(item.get("baseUrl"), text));
            Optional<RateLimit> rateLimit = item.get("rateLimit").isMissing()
                    ? Optional.empty() : Optional.of(ResilienceKeys.rateLimit(item.get("rateLimit")));
            accounts.add(new AccountConfig(id, identifiers, secrets, baseUrl, rateLimit, ResilienceKeys.timeouts(item.get("timeouts"))));
        }
        return accounts;
    }

    private static URI url(Node node, String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getHost() == null || !(text.startsWith("http://") || text.startsWith("https://"))) {
                throw node.error("must be an absolute http(s) URL, got '" + text + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw node.error("must be an absolute http(s) URL, got '" + text + "'");
        }
    }

    private static AccountId accountId(Node node) {
        try {
            return AccountId.parse(node.text());
        } catch (SwitchboardException e) {
            throw node.error("is not an account id (vendor:name): " + e.failure().message());
        }
    }

    private static AccountId knownAccount(Node node, Set<AccountId> known) {
        AccountId id = accountId(node);
        if (!known.contains(id)) {
            throw node.error("names account '" + id + "', which is not configured; configured: " + known);
        }
        return id;
    }

    private static List<SwitchboardConfig.RateDeckFile> rateDecks(Node node, Set<AccountId> known, Path base) {
        List<SwitchboardConfig.RateDeckFile> decks = new ArrayList<>();
        for (Node item : node.list()) {
            item.onlyKeys(Set.of("account", "product", "file"));
            AccountId account = knownAccount(item.get("account"), known);
            Product product = item.get("product").optionalText().map(p -> product(item.get("product"), p))
                    .orElse(Product.SMS);
            Path file = base.resolve(item.get("file").text()).normalize();
            if (!Files.isReadable(file)) {
                throw item.get("file").error("is not a readable file: " + file);
            }
            decks.add(new SwitchboardConfig.RateDeckFile(account, product, file));
        }
        return decks;
    }

    private static Product product(Node node, String text) {
        try {
            return Product.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.error("must be one of sms, mms, whatsapp, voice, got '" + text + "'");
        }
    }

    private static List<SenderPoolConfig> senderPools(Node node, Set<AccountId> known) {
        List<SenderPoolConfig> pools = new ArrayList<>();
        for (Node pool : node.entries()) {
            try {
                new io.switchboard.domain.SenderPool(pool.key());
            } catch (SwitchboardException e) {
                throw pool.error("is not a pool name: " + e.failure().message());
            }
            if (pool.list().isEmpty()) {
                throw pool.error("must list at least one account's senders");
            }
            for (Node item : pool.list()) {
                item.onlyKeys(Set.of("account", "senders", "countries"));
                AccountId account = knownAccount(item.get("account"), known);
                List<Sender> senders = new ArrayList<>();
                for (Node sender : item.get("senders").list()) {
                    senders.add(sender(sender));
                }
                if (senders.isEmpty()) {
                    throw item.get("senders").error("must list at least one number or sender ID");
                }
                Set<String> countries = new LinkedHashSet<>();
                for (Node country : item.get("countries").list()) {
                    countries.add(country(country));
                }
                pools.add(new SenderPoolConfig(pool.key(), account, senders, countries));
            }
        }
        return pools;
    }

    private static Sender sender(Node node) {
        String text = node.text();
        try {
            return text.startsWith("+") ? PhoneNumber.parse(text, node.path()) : SenderId.of(text);
        } catch (SwitchboardException e) {
            throw node.error("is not a number or sender ID: " + e.failure().message());
        }
    }

    private static String country(Node node) {
        String text = node.text().toUpperCase(Locale.ROOT);
        if (!Set.of(Locale.getISOCountries()).contains(text)) {
            throw node.error("must be an ISO 3166 alpha-2 country code, got '" + node.text() + "'");
        }
        return text;
    }

    private static RoutingConfig routing(Node node, Set<AccountId> known) {
        node.onlyKeys(Set.of("policy", "order", "weights", "allow", "deny", "maxPrice", "pinned",
                "guarantee", "maxAttempts", "deadline", "prices", "unpriced"));
        RoutingConfig defaults = RoutingConfig.ofDefaults();
        RoutingConfig.Policy policy = node.get("policy").optionalText().map(p -> policy(node.get("policy"), p))
                .orElse(defaults.policy());
        List<AccountId> order = new ArrayList<>();
        for (Node item : node.get("order").list()) {
            order.add(knownAccount(item, known));
        }
        Map<AccountId, Integer> weights = new LinkedHashMap<>();
        for (Node entry : node.get("weights").entries()) {
            weights.put(knownAccount(new Node(entry.path(), entry.key()), known), entry.positiveInt());
        }
        if (policy == RoutingConfig.Policy.PRIORITY && order.isEmpty()) {
            throw node.get("order").error("must list the accounts in order for policy priority");
        }
        if (policy == RoutingConfig.Policy.WEIGHTED && weights.isEmpty()) {
            throw node.get("weights").error("must give each account a weight for policy weighted");
        }
        Map<String, Set<AccountId>> allow = countryRules(node.get("allow"), known);
        Map<String, Set<AccountId>> deny = countryRules(node.get("deny"), known);
        Optional<Money> maxPrice = node.get("maxPrice").optionalText().map(text -> money(node.get("maxPrice"), text));
        Optional<AccountId> pinned = node.get("pinned").isMissing()
                ? Optional.empty() : Optional.of(knownAccount(node.get("pinned"), known));
        DeliveryGuarantee guarantee = node.get("guarantee").optionalText()
                .map(g -> guarantee(node.get("guarantee"), g)).orElse(defaults.guarantee());
        int maxAttempts = node.get("maxAttempts").isMissing() ? defaults.maxAttempts()
                : node.get("maxAttempts").positiveInt();
        Duration deadline = node.get("deadline").isMissing() ? defaults.deadline() : ResilienceKeys.duration(node.get("deadline"));
        return new RoutingConfig(policy, order, weights, allow, deny, maxPrice, pinned, guarantee, maxAttempts,
                deadline, prices(node.get("prices")), unpriced(node.get("unpriced")));
    }

    /**
     * {@code routing.unpriced}: per product ({@code sms}, {@code mms}, {@code whatsapp}, {@code voice}),
     * {@code exclude} or {@code place-last}; products not named keep their defaults.
     */
    private static Map<Product, RoutingPolicy.UnpricedHandling> unpriced(Node node) {
        node.onlyKeys(Set.of("sms", "mms", "whatsapp", "voice"));
        Map<Product, RoutingPolicy.UnpricedHandling> handling = new LinkedHashMap<>();
        for (Node entry : node.entries()) {
            Product product = product(entry, entry.key());
            String text = entry.text();
            handling.put(product, switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "exclude" -> RoutingPolicy.UnpricedHandling.EXCLUDE;
                case "place-last" -> RoutingPolicy.UnpricedHandling.PLACE_LAST;
                default -> throw entry.error("must be exclude or place-last, got '" + text + "'");
            });
        }
        return handling;
    }

    /** {@code routing.prices}: {@code warmUp: [GB, US]}, {@code products: [sms]}, {@code loadTimeout: 10s}. */
    private static PricesConfig prices(Node node) {
        node.onlyKeys(Set.of("warmUp", "products", "loadTimeout"));
        PricesConfig defaults = PricesConfig.ofDefaults();
        Optional<List<String>> warmUp = Optional.empty();
        if (!node.get("warmUp").isMissing()) {
            Set<String> countries = new LinkedHashSet<>();
            for (Node country : node.get("warmUp").list()) {
                countries.add(country(country));
            }
            warmUp = Optional.of(List.copyOf(countries));
        }
        Set<Product> products = defaults.products();
        if (!node.get("products").isMissing()) {
            products = new LinkedHashSet<>();
            for (Node product : node.get("products").list()) {
                products.add(product(product, product.text()));
            }
            if (products.isEmpty()) {
                throw node.get("products").error("must list at least one of sms, mms, whatsapp, voice");
            }
        }
        Duration loadTimeout = defaults.loadTimeout();
        if (!node.get("loadTimeout").isMissing()) {
            loadTimeout = ResilienceKeys.duration(node.get("loadTimeout"));
            if (loadTimeout.isZero() || loadTimeout.isNegative()) {
                throw node.get("loadTimeout").error("must be positive, got '" + node.get("loadTimeout").text() + "'");
            }
        }
        return new PricesConfig(warmUp, products, loadTimeout);
    }

    /** {@code {GB: [plivo, twilio:work], KP: all}}: per destination country, a list of accounts or "all". */
    private static Map<String, Set<AccountId>> countryRules(Node node, Set<AccountId> known) {
        Map<String, Set<AccountId>> rules = new LinkedHashMap<>();
        for (Node entry : node.entries()) {
            String country = country(new Node(entry.path(), entry.key()));
            Set<AccountId> accounts = new LinkedHashSet<>();
            if (entry.isScalar()) {
                if (!"all".equalsIgnoreCase(entry.text())) {
                    throw entry.error("must list accounts or say 'all', got '" + entry.text() + "'");
                }
                accounts.addAll(known);
            } else {
                for (Node account : entry.list()) {
                    accounts.add(knownAccount(account, known));
                }
            }
            if (accounts.isEmpty()) {
                throw entry.error("must list accounts or say 'all'");
            }
            rules.put(country, accounts);
        }
        return rules;
    }

    private static RoutingConfig.Policy policy(Node node, String text) {
        for (RoutingConfig.Policy policy : RoutingConfig.Policy.values()) {
            if (policy.key().equalsIgnoreCase(text)) {
                return policy;
            }
        }
        throw node.error("names unknown policy '" + text + "'; expected one of least-cost, priority, weighted");
    }

    private static DeliveryGuarantee guarantee(Node node, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "at-most-once" -> DeliveryGuarantee.AT_MOST_ONCE;
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            default -> throw node.error("must be at-most-once or at-least-once, got '" + text + "'");
        };
    }

    private static Money money(Node node, String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw node.error("must be an amount and a currency such as '0.05 USD', got '" + text + "'");
        }
        try {
            return Money.of(parts[0], parts[1]);
        } catch (SwitchboardException e) {
            throw node.error("must be an amount and a currency such as '0.05 USD': " + e.failure().message());
        }
    }

    /** The secret held by the environment variable a {@code ...Env} key names. */
    Secret secret(Node entry) {
        String variable = entry.text();
        if (!ENV_NAME.matcher(variable).matches()) {
            // Most likely the secret itself, written where its variable's name belongs: never echoed.
            throw entry.error("must name an environment variable (letters, digits and '_', not starting "
                    + "with a digit), got a value of " + variable.length()
                    + " characters that is not one; the value is not shown, as it may be the secret");
        }
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw entry.error(CONVENTIONAL_ENV_NAME.matcher(variable).matches()
                    ? "names environment variable " + variable + ", which is not set"
                    : "names an environment variable of " + variable.length() + " characters, which is "
                            + "not set; the name is not shown, as it is not in capitals and may be the "
                            + "secret itself");
        }
        return Secret.fromEnvironment(variable, value);
    }
}
