package ca.gardien.governance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The registers of ss. 8.1, 9.1 and 12.1: every role reads; the person in charge and delegates add and explain. */
@RestController
@RequestMapping("/api/v1/governance/registers")
@Tag(name = "Registers", description = "Privacy settings by default, profiling technologies, automated decisions")
class RegisterController {

    record Reason(String reason) {}

    private final Registers registers;

    RegisterController(Registers registers) {
        this.registers = registers;
    }

    @GetMapping
    @Operation(summary = "Every entry; a setting whose default is not the most private without a reason has gap true")
    List<RegisterEntry> all() {
        return registers.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an entry: kind SETTING (product, defaultValue, mostPrivate), TECHNOLOGY or DECISION")
    RegisterEntry add(@RequestBody Registers.NewEntry body, Authentication auth) {
        return registers.add(body, GovernanceCaller.of(auth));
    }

    @PutMapping("/{id}/reason")
    @Operation(summary = "Record why a setting's default is not the most private (closes its s. 9.1 gap)")
    RegisterEntry reason(@PathVariable String id, @RequestBody Reason body, Authentication auth) {
        var caller = GovernanceCaller.of(auth).requireWriter();
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ca.gardien.shared.InvalidInputException("id", "governance.field.id");
        }
        return registers.reason(uuid, body.reason(), caller);
    }
}
