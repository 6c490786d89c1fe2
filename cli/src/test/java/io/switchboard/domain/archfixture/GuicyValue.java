package io.switchboard.domain.archfixture;

/** Deliberately bad: a domain value with a mutable field that uses Guice. Only for ArchitectureRulesCanFailTest. */
public class GuicyValue {

    public String mutable;

    @com.google.inject.Inject
    public GuicyValue() {
    }
}
