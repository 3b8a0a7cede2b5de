package ca.gardien.governance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The service providers of the data map and their written commitment to the policy (seed §14). */
@RestController
@RequestMapping("/api/v1/governance/providers")
@Tag(name = "Service providers", description = "Service providers held to the policy: their written commitments")
class ProviderController {

    private final ProviderCommitments commitments;

    ProviderController(ProviderCommitments commitments) {
        this.commitments = commitments;
    }

    @GetMapping
    @Operation(summary = "Each service provider of the data map, where it stands and its last commitment")
    List<ProviderCommitments.Provider> all() {
        // the caller's Accept-Language, French by default, as every API answer in words (not the console's choice)
        return commitments.providers(ca.gardien.shared.ApiLanguage.current());
    }

    @PostMapping("/{thirdParty}/commitments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a provider's signed commitment: documentSha256, signedOn, expiresOn, measures")
    ProviderCommitments.Commitment commit(
            @PathVariable String thirdParty, @RequestBody ProviderCommitments.NewCommitment body, Authentication auth) {
        return commitments.record(thirdParty, body, GovernanceCaller.of(auth));
    }
}
