package io.switchboard.adapters.acme.archfixture;

/** Deliberately bad: a vendor API with a get-prefixed accessor. Only for ArchitectureRulesCanFailTest. */
public final class AcmeApi {

    public String getBalance() {
        return "0";
    }
}
