package ca.gardien.connectors;

import ca.gardien.connectors.jdbc.SchemaReader;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registered connectors: registration, connection tests and schemas. Connectors are built once per node; before
 * a test, a schema read or a run, the registration is checked again against the rules of today (an old registration
 * to an address now refused does not connect).
 */
@Service
public class ConnectorCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final ConnectorStore store;
    private final Map<String, ConnectorFactory> factories;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ConnectorMessages messages;
    private final Clock clock;
    private final Map<String, Connector> built = new ConcurrentHashMap<>();
    private final Map<String, DatabaseSchema> schemas = new ConcurrentHashMap<>();

    ConnectorCatalog(
            ConnectorStore store,
            List<ConnectorFactory> factories,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ConnectorMessages messages,
            Clock clock) {
        this.store = store;
        this.factories = factories.stream().collect(Collectors.toMap(ConnectorFactory::type, Function.identity()));
        this.events = events;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Stores a connector whose settings pass every rule; a refusal stores nothing and records who tried, which fields
     * were refused and the type (never the URL) in the ledger.
     */
    public ConnectorView register(ConnectorRegistration registration, Actor actor) {
        var settings = validate(registration, actor);
        return transactions.execute(tx -> {
            if (store.exists(settings.id())) {
                throw new ConflictException("connectors.conflict.id-taken");
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
        });
    }

    @Transactional(readOnly = true)
    public List<ConnectorView> list() {
        return store.all().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ConnectorView view(String id) {
        return view(settings(id));
    }

    /**
     * Tests the connection and records the outcome (not the reason, which may name hosts) in the ledger.
     *
     * @throws ConnectorRefusedException when the rules refuse the connector's address now (recorded too)
     */
    public ConnectionCheck test(String id, Actor actor) {
        var check = admitted(id, actor).check();
        transactions.executeWithoutResult(tx -> events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                "connectors.tested",
                "connector",
                id,
                Map.of("ok", String.valueOf(check.ok())))));
        return check;
    }

    /**
     * The schema that someone asked for, checked like {@link #test}.
     *
     * @throws ConnectorRefusedException when the rules refuse the connector's address now (recorded too)
     */
    public DatabaseSchema schema(String id, boolean refresh, Actor actor) {
        return schema(id, admitted(id, actor), refresh);
    }

    /** The schema, read once per node and again when {@code refresh} is asked. */
    public DatabaseSchema schema(String id, boolean refresh) {
        return schema(id, admitted(id, null), refresh);
    }

    private DatabaseSchema schema(String id, Connector connector, boolean refresh) {
        if (!(connector instanceof JdbcConnector jdbc)) {
            throw new InvalidInputException("id", "connectors.field.not-database");
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

    /**
     * The connector, once its settings pass the rules of today; otherwise its pool is closed and, when someone asked
     * (an actor), the refusal is recorded.
     *
     * @throws ConnectorRefusedException naming the refused fields
     */
    public Connector admitted(String id, Actor actor) {
        var settings = settings(id);
        var factory = factories.get(settings.type());
        var problems = factory == null ? List.<FieldError>of() : factory.problems(settings);
        if (!problems.isEmpty()) {
            evict(id);
            if (actor != null) {
                transactions.executeWithoutResult(tx ->
                        refused("connectors.connection-refused", actor, settings.id(), settings.type(), problems));
            }
            throw new ConnectorRefusedException(problems);
        }
        return connector(id);
    }

    public Connector connector(String id) {
        var connector = built.get(id); // registrations are never changed, so a built connector stays valid
        if (connector != null) {
            return connector;
        }
        var settings = settings(id);
        return built.computeIfAbsent(id, k -> factories.get(settings.type()).create(settings));
    }

    public ConnectorSettings settings(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("connectors.object.connector", id));
    }

    private ConnectorView view(ConnectorSettings s) {
        var caps = built.containsKey(s.id()) || factories.containsKey(s.type())
                ? connector(s.id()).capabilities()
                : java.util.Set.<ca.gardien.connectors.spi.Capability>of();
        return new ConnectorView(
                s.id(), s.type(), s.url(), s.username(), s.secret() != null, caps, store.createdAt(s.id()));
    }

    private ConnectorSettings validate(ConnectorRegistration r, Actor actor) {
        var errors = new ArrayList<FieldError>();
        if (r.id() == null || !ID.matcher(r.id()).matches()) {
            errors.add(messages.field("id", new Refusal("connectors.id.invalid")));
        }
        var factory = r.type() == null ? null : factories.get(r.type());
        if (factory == null) {
            var types = String.join(", ", factories.keySet().stream().sorted().toList());
            errors.add(messages.field("type", new Refusal("connectors.type.invalid", types)));
        }
        if (r.username() != null && r.username().length() > 200) {
            errors.add(messages.field("username", new Refusal("connectors.username.long")));
        }
        if (r.password() != null && r.password().length() > 1000) {
            errors.add(messages.field("password", new Refusal("connectors.password.long")));
        }
        if (r.options() != null && !r.options().isEmpty()) { // no connector reads them: a TLS setting there was ignored
            errors.add(messages.field("options", new Refusal("connectors.options.unsupported")));
        }
        var settings = new ConnectorSettings(r.id(), r.type(), r.url(), r.username(), r.password(), r.options());
        if (factory != null) {
            var problems = factory.problems(settings);
            errors.addAll(problems);
            boolean address = problems.stream().anyMatch(p -> p.field().equals("url"));
            if (address && errors.size() == problems.size() && actor != null) {
                // a well-formed registration to an address the rules refuse: worth a fact (an attempt may be an attack)
                transactions.executeWithoutResult(
                        tx -> refused("connectors.registration-refused", actor, r.id(), r.type(), problems));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return settings;
    }

    /** The fact of a refusal: who, which connector and type, which fields; never the URL or the messages. */
    private void refused(String action, Actor actor, String id, String type, List<FieldError> problems) {
        var fields =
                problems.stream().map(FieldError::field).distinct().sorted().toList();
        events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                action,
                "connector",
                id,
                Map.of("type", type, "fields", String.join(",", fields))));
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
