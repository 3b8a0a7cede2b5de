package ca.gardien.connectors;

import ca.gardien.connectors.spi.ConnectionCheck;
import ca.gardien.connectors.spi.Connector;
import ca.gardien.connectors.spi.ConnectorFactory;
import ca.gardien.connectors.spi.ConnectorSettings;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registered connectors: registration, connection tests and schemas. Connectors are built once per node. */
@Service
public class ConnectorCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final ConnectorStore store;
    private final Map<String, ConnectorFactory> factories;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Connector> built = new ConcurrentHashMap<>();
    private final Map<String, DatabaseSchema> schemas = new ConcurrentHashMap<>();

    ConnectorCatalog(
            ConnectorStore store, List<ConnectorFactory> factories, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.factories = factories.stream().collect(Collectors.toMap(ConnectorFactory::type, Function.identity()));
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ConnectorView register(ConnectorRegistration registration, Actor actor) {
        var settings = validate(registration);
        if (store.exists(settings.id())) {
            throw new ConflictException("A connector with this id exists.");
        }
        store.insert(settings, clock.instant());
        events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                "connectors.registered",
                "connector",
                settings.id(),
                Map.of("type", settings.type(), "secret", String.valueOf(settings.secret() != null))));
        return view(settings.id());
    }

    @Transactional(readOnly = true)
    public List<ConnectorView> list() {
        return store.all().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ConnectorView view(String id) {
        return view(settings(id));
    }

    /** Tests the connection and records the outcome (not the reason, which may name hosts) in the ledger. */
    @Transactional
    public ConnectionCheck test(String id, Actor actor) {
        var check = connector(id).check();
        events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                "connectors.tested",
                "connector",
                id,
                Map.of("ok", String.valueOf(check.ok()))));
        return check;
    }

    /** The schema, read once per node and again when {@code refresh} is asked. */
    public DatabaseSchema schema(String id, boolean refresh) {
        if (!(connector(id) instanceof JdbcConnector jdbc)) {
            throw new InvalidInputException("id", "is not a database connector");
        }
        if (refresh) {
            schemas.remove(id);
        }
        return schemas.computeIfAbsent(id, k -> {
            try (var connection = jdbc.dataSource().getConnection()) {
                return SchemaReader.read(connection);
            } catch (SQLException e) {
                throw new TargetUnavailableException(e);
            }
        });
    }

    Connector connector(String id) {
        var connector = built.get(id); // registrations are never changed, so a built connector stays valid
        if (connector != null) {
            return connector;
        }
        var settings = settings(id);
        return built.computeIfAbsent(id, k -> factories.get(settings.type()).create(settings));
    }

    ConnectorSettings settings(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("connector", id));
    }

    private ConnectorView view(ConnectorSettings s) {
        var caps = built.containsKey(s.id()) || factories.containsKey(s.type())
                ? connector(s.id()).capabilities()
                : java.util.Set.<ca.gardien.connectors.spi.Capability>of();
        return new ConnectorView(
                s.id(), s.type(), s.url(), s.username(), s.secret() != null, caps, store.createdAt(s.id()));
    }

    private ConnectorSettings validate(ConnectorRegistration r) {
        var errors = new ArrayList<FieldError>();
        if (r.id() == null || !ID.matcher(r.id()).matches()) {
            errors.add(new FieldError("id", "must be 1-100 lower-case letters, digits, '.', '_' or '-'"));
        }
        var factory = r.type() == null ? null : factories.get(r.type());
        if (factory == null) {
            errors.add(new FieldError(
                    "type",
                    "must be one of "
                            + String.join(
                                    ", ", factories.keySet().stream().sorted().toList())));
        }
        if (r.username() != null && r.username().length() > 200) {
            errors.add(new FieldError("username", "must be at most 200 characters"));
        }
        if (r.password() != null && r.password().length() > 1000) {
            errors.add(new FieldError("password", "must be at most 1000 characters"));
        }
        var settings = new ConnectorSettings(r.id(), r.type(), r.url(), r.username(), r.password(), r.options());
        if (factory != null) {
            errors.addAll(factory.problems(settings));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return settings;
    }

    /** Closes this node's pool for the connector and forgets its schema (they are rebuilt on next use). */
    void evict(String id) {
        schemas.remove(id);
        var connector = built.remove(id);
        if (connector != null) {
            connector.close();
        }
    }

    @PreDestroy
    void close() {
        built.values().forEach(Connector::close);
    }
}
