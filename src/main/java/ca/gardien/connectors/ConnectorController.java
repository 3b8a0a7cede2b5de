package ca.gardien.connectors;

import ca.gardien.connectors.spi.ConnectionCheck;
import ca.gardien.organization.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/connectors")
@Tag(name = "Connectors", description = "Connected databases and services: registration, tests, schemas")
class ConnectorController {

    private final ConnectorCatalog catalog;

    ConnectorController(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')") // a connector opens the organization's databases
    @Operation(summary = "Register a connector (jdbc, webhook or manual); the password is sealed and never returned")
    ConnectorView register(@RequestBody ConnectorRegistration registration, Authentication auth) {
        return catalog.register(registration, CurrentActor.of(auth));
    }

    @GetMapping
    @Operation(summary = "The registered connectors")
    List<ConnectorView> list() {
        return catalog.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One connector")
    ConnectorView one(@PathVariable String id) {
        return catalog.view(id);
    }

    /** Opening a connection is the registrant's business: staff and auditors do not make Gardien connect at will. */
    @PostMapping("/{id}/test")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')")
    @Operation(
            summary = "Connect once and report the product and version; 422 connector-refused when the rules refuse"
                    + " the connector's address")
    ConnectionCheck test(@PathVariable String id, Authentication auth) {
        return catalog.test(id, CurrentActor.of(auth));
    }

    @GetMapping("/{id}/schema")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')") // reading it connects to the database
    @Operation(
            summary = "Tables, columns, primary keys, foreign keys and indexes of a connected database; 422"
                    + " connector-refused when the rules refuse the connector's address")
    DatabaseSchema schema(
            @PathVariable String id, @RequestParam(defaultValue = "false") boolean refresh, Authentication auth) {
        return catalog.schema(id, refresh, CurrentActor.of(auth));
    }
}
