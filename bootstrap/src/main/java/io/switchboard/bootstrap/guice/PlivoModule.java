package io.switchboard.bootstrap.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.multibindings.Multibinder;
import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.plivo.PlivoConnector;
import io.switchboard.domain.port.ProviderConnector;
import okhttp3.OkHttpClient;

import java.util.List;

/** Binds one {@link PlivoConnector} per configured account into the set of connectors, on the shared OkHttp client. */
public final class PlivoModule extends AbstractModule {

    private final List<PlivoConfig> accounts;

    public PlivoModule(List<PlivoConfig> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    @Override
    protected void configure() {
        Multibinder<ProviderConnector> connectors = Multibinder.newSetBinder(binder(), ProviderConnector.class);
        Provider<OkHttpClient> http = getProvider(OkHttpClient.class);
        for (PlivoConfig config : accounts) {
            connectors.addBinding().toProvider(() -> PlivoConnector.create(config, http.get()));
        }
    }
}
