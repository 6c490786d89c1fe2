package io.switchboard.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.switchboard.domain.port.ProviderConnector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The conditions behind the adapter-template rules of {@link ArchitectureRules}, described in
 * docs/adapters/anatomy.md. A vendor adapter is every package {@code io.switchboard.adapters.<vendor>..} but
 * adapters-http's; each condition also fails for a vendor in which it found nothing to check, so that a rule never
 * passes by matching nothing.
 */
final class AdapterTemplate {

    static final String ADAPTERS_PREFIX = "io.switchboard.adapters.";
    private static final String SHARED_HTTP = "http";
    private static final String PORTS = "io.switchboard.domain.port";
    private static final Pattern PLUMBING = Pattern.compile(".*(Http|Errors|Mapper|Pager|Dto|Dtos|Service)");
    private static final Pattern DTOS = Pattern.compile(".*(Dto|Dtos)");
    private static final Pattern GET_PREFIX = Pattern.compile("get[A-Z0-9_].*");

    private AdapterTemplate() {
    }

    /** {@code twilio} for a class of {@code io.switchboard.adapters.twilio..}; empty outside vendor adapters. */
    static Optional<String> vendorOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ADAPTERS_PREFIX)) {
            return Optional.empty();
        }
        String vendor = pkg.substring(ADAPTERS_PREFIX.length()).split("\\.", 2)[0];
        return vendor.equals(SHARED_HTTP) ? Optional.empty() : Optional.of(vendor);
    }

    /** The prefix of every type name in a vendor's adapter: {@code Twilio} for {@code twilio}. */
    static String typePrefix(String vendor) {
        return vendor.substring(0, 1).toUpperCase(Locale.ROOT) + vendor.substring(1);
    }

    /** Public, and nested (if at all) only in public classes: a class code outside its package can name. */
    static boolean reachableFromOutside(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    static boolean isPortImplementation(JavaClass c) {
        return !c.isInterface() && !implementedPorts(c).isEmpty();
    }

    /** The domain ports ({@code io.switchboard.domain.port.*Port}) {@code c} implements, directly or not. */
    static Set<String> implementedPorts(JavaClass c) {
        Set<String> ports = new TreeSet<>();
        for (JavaClass i : c.getAllRawInterfaces()) {
            if (i.getPackageName().equals(PORTS) && i.getSimpleName().endsWith("Port")) {
                ports.add(i.getSimpleName());
            }
        }
        return ports;
    }

    /** HTTP, errors, mapper, pager, DTOs and Retrofit services, by name, by Retrofit annotations, or nested in DTOs. */
    static boolean isPlumbing(JavaClass c) {
        if (PLUMBING.matcher(c.getSimpleName()).matches() || isRetrofitService(c)) {
            return true;
        }
        for (JavaClass k = c.getEnclosingClass().orElse(null); k != null; k = k.getEnclosingClass().orElse(null)) {
            if (DTOS.matcher(k.getSimpleName()).matches()) {
                return true;
            }
        }
        return false;
    }

    static boolean isRetrofitService(JavaClass c) {
        return c.isInterface() && c.getMethods().stream().anyMatch(m -> m.getAnnotations().stream()
                .anyMatch(a -> a.getRawType().getPackageName().equals("retrofit2.http")));
    }

    /** One {@code <Vendor>Connector}, public, and no other implementation of ProviderConnector. */
    static ArchCondition<JavaClass> haveOnePublicConnectorNamedAfterTheirVendor() {
        return new PerVendor("have exactly one ProviderConnector, public and named <Vendor>Connector") {
            @Override
            void checkVendor(String vendor, List<JavaClass> classes, ConditionEvents events) {
                List<JavaClass> connectors = classes.stream().filter(c -> !c.isInterface()
                        && c.isAssignableTo(ProviderConnector.class)).toList();
                String expected = typePrefix(vendor) + "Connector";
                if (connectors.size() != 1) {
                    events.add(SimpleConditionEvent.violated(vendor, "adapter " + vendor + " has "
                            + connectors.size() + " ProviderConnector implementations " + names(connectors)
                            + " instead of one, " + expected));
                }
                for (JavaClass c : connectors) {
                    if (!c.getSimpleName().equals(expected) || !reachableFromOutside(c)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " implements ProviderConnector,"
                                + " but only a public " + expected + " may"));
                    }
                }
            }
        };
    }

    /** A public top-level {@code <Vendor>Config}. */
    static ArchCondition<JavaClass> haveAPublicConfig() {
        return new PerVendor("have a public <Vendor>Config") {
            @Override
            void checkVendor(String vendor, List<JavaClass> classes, ConditionEvents events) {
                String expected = typePrefix(vendor) + "Config";
                List<JavaClass> configs = classes.stream().filter(c -> c.getSimpleName().equals(expected)
                        && c.getEnclosingClass().isEmpty()).toList();
                if (configs.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(vendor, "adapter " + vendor + " has no " + expected));
                }
                configs.stream().filter(c -> !reachableFromOutside(c)).forEach(c -> events.add(
                        SimpleConditionEvent.violated(c, c.getName() + " is not public")));
            }
        };
    }

    /** The connector's public {@code api()} returns the adapter's public {@code <Vendor>Api}. */
    static ArchCondition<JavaClass> offerTheirVendorApiThroughApi() {
        return new PerVendor("offer a public <Vendor>Api through a public <Vendor>Connector.api()") {
            @Override
            void checkVendor(String vendor, List<JavaClass> classes, ConditionEvents events) {
                String connectorName = typePrefix(vendor) + "Connector";
                String apiName = typePrefix(vendor) + "Api";
                List<JavaClass> connectors = classes.stream().filter(c -> c.getSimpleName().equals(connectorName)
                        && c.isAssignableTo(ProviderConnector.class)).toList();
                if (connectors.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(vendor, "adapter " + vendor + " has no " + connectorName
                            + " whose api() could be checked"));
                }
                for (JavaClass connector : connectors) {
                    Optional<JavaMethod> api = connector.getMethods().stream()
                            .filter(m -> m.getName().equals("api") && m.getRawParameterTypes().isEmpty()).findFirst();
                    JavaClass returned = api.map(JavaMethod::getRawReturnType).orElse(null);
                    if (api.isEmpty() || !api.get().getModifiers().contains(JavaModifier.PUBLIC) || returned == null
                            || !returned.getSimpleName().equals(apiName) || !reachableFromOutside(returned)
                            || !vendor.equals(vendorOf(returned).orElse(null))) {
                        events.add(SimpleConditionEvent.violated(connector, connector.getName()
                                + " has no public api() returning the adapter's public " + apiName
                                + api.map(m -> " (found " + m.getFullName() + ")").orElse("")));
                    }
                }
            }
        };
    }

    /** No HTTP, errors, mapper, pager, DTO or Retrofit service is reachable from outside its package. */
    static ArchCondition<JavaClass> keepTheirPlumbingInsideTheirPackage() {
        return new PerVendor("keep their HTTP, errors, mapper, pager, DTOs and Retrofit services out of their API") {
            @Override
            void checkVendor(String vendor, List<JavaClass> classes, ConditionEvents events) {
                List<JavaClass> plumbing = classes.stream().filter(AdapterTemplate::isPlumbing).toList();
                if (plumbing.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(vendor, "adapter " + vendor + " has no class named "
                            + "*Http, *Errors, *Mapper, *Pager, *Dto(s) or *Service, nor a Retrofit interface"));
                }
                plumbing.stream().filter(AdapterTemplate::reachableFromOutside).forEach(c -> events.add(
                        SimpleConditionEvent.violated(c, c.getName() + " is public; an adapter's plumbing stays "
                                + "package-private")));
            }
        };
    }

    /** Each port is implemented by one package-private top-level {@code <Vendor><Capability>}. */
    static ArchCondition<JavaClass> implementEachPortInAPackagePrivateVendorCapabilityClass() {
        return new PerVendor("implement each port in one package-private top-level <Vendor><Capability>") {
            @Override
            void checkVendor(String vendor, List<JavaClass> classes, ConditionEvents events) {
                List<JavaClass> implementations = classes.stream().filter(AdapterTemplate::isPortImplementation)
                        .toList();
                if (implementations.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(vendor, "adapter " + vendor + " implements no port"));
                }
                Map<String, List<String>> byPort = new TreeMap<>();
                for (JavaClass c : implementations) {
                    Set<String> ports = implementedPorts(c);
                    ports.forEach(p -> byPort.computeIfAbsent(p, k -> new ArrayList<>()).add(c.getName()));
                    String port = ports.iterator().next();
                    String expected = typePrefix(vendor) + port.substring(0, port.length() - "Port".length());
                    if (ports.size() != 1 || !c.getSimpleName().equals(expected)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " implements " + ports
                                + "; a port is implemented by a class named " + expected + " alone"));
                    }
                    if (c.getModifiers().contains(JavaModifier.PUBLIC) || c.getEnclosingClass().isPresent()) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " implements " + ports
                                + " but is not a package-private top-level class"));
                    }
                }
                byPort.forEach((port, names) -> {
                    if (names.size() > 1) {
                        events.add(SimpleConditionEvent.violated(vendor, "adapter " + vendor + " implements " + port
                                + " more than once: " + names));
                    }
                });
            }
        };
    }

    /** No public method of a public class is named {@code getX}. */
    static ArchCondition<JavaClass> declareNoPublicGetPrefixedMethod() {
        return new PerVendor("declare no public method named get<Something> on their API") {
            @Override
            void checkVendor(String vendor, List<JavaClass> classes, ConditionEvents events) {
                List<JavaClass> api = classes.stream().filter(AdapterTemplate::reachableFromOutside).toList();
                if (api.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(vendor, "adapter " + vendor + " has no public class"));
                }
                for (JavaClass c : api) {
                    c.getMethods().stream()
                            .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC)
                                    && !m.getModifiers().contains(JavaModifier.SYNTHETIC)
                                    && !m.getModifiers().contains(JavaModifier.BRIDGE)
                                    && GET_PREFIX.matcher(m.getName()).matches())
                            .forEach(m -> events.add(SimpleConditionEvent.violated(m, m.getFullName()
                                    + " has a get prefix; accessors are named after what they answer")));
                }
            }
        };
    }

    /** Every class that depends on this one belongs to the same vendor's adapter. */
    static ArchCondition<JavaClass> beUsedByTheirOwnAdapterAlone() {
        return new ArchCondition<>("be used by their own adapter alone") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> vendor = vendorOf(item);
                item.getDirectDependenciesToSelf().stream()
                        .filter(d -> !d.getOriginClass().getName().startsWith(item.getName())
                                && !vendorOf(d.getOriginClass()).equals(vendor))
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getOriginClass().getName()
                                + " uses " + item.getName() + ", which is internal to adapter "
                                + vendor.orElse("?"))));
            }
        };
    }

    private static String names(Collection<JavaClass> classes) {
        return classes.stream().map(JavaClass::getSimpleName).sorted().toList().toString();
    }

    /**
     * Groups the classes a rule is given by vendor and checks each vendor in {@link #finish}; a rule's classes are
     * evaluated one rule at a time, so the grouping lives from {@link #init} to {@link #finish}.
     */
    private abstract static class PerVendor extends ArchCondition<JavaClass> {

        private Map<String, List<JavaClass>> byVendor = new TreeMap<>();

        PerVendor(String description) {
            super(description);
        }

        @Override
        public void init(Collection<JavaClass> allObjectsToTest) {
            byVendor = new TreeMap<>();
        }

        @Override
        public void check(JavaClass item, ConditionEvents events) {
            vendorOf(item).ifPresent(v -> byVendor.computeIfAbsent(v, k -> new ArrayList<>()).add(item));
        }

        @Override
        public void finish(ConditionEvents events) {
            byVendor.forEach((vendor, classes) -> checkVendor(vendor, classes, events));
        }

        abstract void checkVendor(String vendor, List<JavaClass> classes, ConditionEvents events);
    }

    /** The vendors whose adapters are among {@code classes}: {@code [plivo, telnyx, twilio]} for production. */
    static Set<String> vendors(Collection<JavaClass> classes) {
        Set<String> vendors = new TreeSet<>();
        classes.forEach(c -> vendorOf(c).ifPresent(vendors::add));
        return vendors;
    }
}
