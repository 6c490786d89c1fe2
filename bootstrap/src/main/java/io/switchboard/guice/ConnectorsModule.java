package io.switchboard.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.switchboard.domain.port.ProviderConnector;

import java.util.List;

/** Binds connectors built outside Guice (custom adapters, tests) into the set of connectors. */
public final class ConnectorsModule extends AbstractModule {

    private final List<ProviderConnector> connectors;

    public ConnectorsModule(List<ProviderConnector> connectors) {
        this.connectors = List.copyOf(connectors);
    }

    @Override
    protected void configure() {
        Multibinder<ProviderConnector> set = Multibinder.newSetBinder(binder(), ProviderConnector.class);
        for (ProviderConnector connector : connectors) {
            set.addBinding().toInstance(connector);
        }
    }
}
