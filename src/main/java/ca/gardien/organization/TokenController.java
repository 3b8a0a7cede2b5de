package ca.gardien.organization;

import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Bearer tokens for the REST API; the secret is shown only once")
class TokenController {

    record IssueToken(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty Set<Role> roles) {}

    record TokenView(
            UUID id,
            String name,
            String prefix,
            Set<Role> roles,
            Instant createdAt,
            Instant revokedAt,
            Instant lastUsedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.prefix(), t.roles(), t.createdAt(), t.revokedAt(), t.lastUsedAt());
        }
    }

    record IssuedView(String token, UUID id, String name, String prefix, Set<Role> roles, Instant createdAt) {}

    private final TokenService tokens;
    private final MessageSource messages;

    TokenController(TokenService tokens, MessageSource messages) {
        this.messages = messages;
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(
            summary = "Issue a token for the calling account, limited to roles the caller holds (HTTP Basic or bearer)")
    ResponseEntity<?> issue(@Valid @RequestBody IssueToken body, Authentication auth) {
        if (!CurrentActor.roles(auth).containsAll(body.roles())) {
            throw new AccessDeniedException("roles beyond the caller's own");
        }
        var account = CurrentActor.accountId(auth).orElseThrow(() -> new AccessDeniedException("no local account"));
        TokenService.Issued issued;
        try {
            issued = tokens.issueToCaller(account, body.name(), body.roles(), CurrentActor.of(auth));
        } catch (TokenService.PasswordChangeRequired e) { // a one-time password, or one reset since (read under lock)
            return passwordChangeRequired();
        }
        var t = issued.token();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedView(issued.secret(), t.id(), t.name(), t.prefix(), t.roles(), t.createdAt()));
    }

    @GetMapping
    @Operation(summary = "The calling account's tokens (never their secrets)")
    List<TokenView> mine(Authentication auth) {
        return CurrentActor.accountId(auth).map(tokens::ofAccount).orElse(List.of()).stream()
                .map(TokenView::of)
                .toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token: one's own, or any token for the person in charge")
    ResponseEntity<Void> revoke(@PathVariable UUID id, Authentication auth) {
        var token = tokens.byId(id).orElseThrow(() -> new NotFoundException("organization.object.api-token", id));
        boolean own =
                CurrentActor.accountId(auth).filter(token.accountId()::equals).isPresent();
        if (!own && !CurrentActor.roles(auth).contains(Role.PRIVACY_OFFICER)) {
            throw new AccessDeniedException("not your token");
        }
        tokens.revoke(id, CurrentActor.of(auth));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ProblemDetail> passwordChangeRequired() {
        var language = ApiLanguage.current();
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, messages.getMessage("problem.password-change-required", null, language));
        problem.setTitle(messages.getMessage("problem.forbidden.title", null, language));
        problem.setType(ProblemResponses.PASSWORD_CHANGE_REQUIRED);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
