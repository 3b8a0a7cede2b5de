package ca.gardien.connectors.manual;

import ca.gardien.connectors.ManualTaskRequested;
import ca.gardien.connectors.spi.Capability;
import ca.gardien.connectors.spi.ConnectionCheck;
import ca.gardien.connectors.spi.Connector;
import ca.gardien.connectors.spi.ConnectorFactory;
import ca.gardien.connectors.spi.ConnectorSettings;
import ca.gardien.connectors.spi.DispatchingConnector;
import ca.gardien.connectors.spi.RunOrder;
import ca.gardien.shared.FieldError;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** For systems without a connector: a run becomes a staff task ({@link ManualTaskRequested}), completed by hand. */
@Component
class ManualConnectorFactory implements ConnectorFactory {

    private final ApplicationEventPublisher events;

    ManualConnectorFactory(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public String type() {
        return "manual";
    }

    @Override
    public List<FieldError> problems(ConnectorSettings settings) {
        return settings.url() == null ? List.of() : List.of(FieldError.of("url", "connectors.field.manual-url"));
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        return new Manual(settings.id(), events);
    }

    private record Manual(String id, ApplicationEventPublisher events) implements DispatchingConnector {

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }

        @Override
        public ConnectionCheck check() {
            return ConnectionCheck.ok("manual", "staff task");
        }

        @Override
        public void dispatch(RunOrder order) {
            events.publishEvent(
                    new ManualTaskRequested(order.runId(), order.connectorId(), order.action(), order.changes()));
        }
    }
}
