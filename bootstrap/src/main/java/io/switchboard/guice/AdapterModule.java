package io.switchboard.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.plivo.PlivoConnector;
import io.switchboard.adapters.telnyx.TelnyxConfig;
import io.switchboard.adapters.telnyx.TelnyxConnector;
import io.switchboard.adapters.twilio.TwilioConfig;
import io.switchboard.adapters.twilio.TwilioConnector;
import io.switchboard.domain.Checks;
import io.switchboard.domain.port.ProviderConnector;
import okhttp3.OkHttpClient;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One vendor adapter's module: binds a connector per configured account into the set of connectors, each on the
 * shared OkHttp client (one connection pool and dispatcher for all accounts). Install one per vendor.
 */
public final class AdapterModule<C> extends AbstractModule {

    private final List<C> accounts;
    private final BiFunction<C, OkHttpClient, ? extends ProviderConnector> factory;

    private AdapterModule(List<C> accounts, BiFunction<C, OkHttpClient, ? extends ProviderConnector> factory) {
        this.accounts = List.copyOf(Checks.required(accounts, "accounts"));
        this.factory = factory;
    }

    public static AdapterModule<TwilioConfig> twilio(List<TwilioConfig> accounts) {
        return new AdapterModule<>(accounts, TwilioConnector::create);
    }

    public static AdapterModule<PlivoConfig> plivo(List<PlivoConfig> accounts) {
        return new AdapterModule<>(accounts, PlivoConnector::create);
    }

    public static AdapterModule<TelnyxConfig> telnyx(List<TelnyxConfig> accounts) {
        return new AdapterModule<>(accounts, TelnyxConnector::create);
    }

    @Override
    protected void configure() {
        Multibinder<ProviderConnector> connectors = Multibinder.newSetBinder(binder(), ProviderConnector.class);
        Provider<OkHttpClient> http = getProvider(OkHttpClient.class);
        for (C config : accounts) {
            connectors.addBinding().toProvider(() -> factory.apply(config, http.get())).in(Scopes.SINGLETON);
        }
    }
}
