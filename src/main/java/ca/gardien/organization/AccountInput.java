package ca.gardien.organization;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Set;

/** What an account's form must hold: a new account's fields, all checked at once, and a name shown to people. */
final class AccountInput {

    static final int MAX_NAME = 200;

    private AccountInput() {}

    /**
     * Every error of a new account's form at once, in its order: the username, the name, the initial password (the
     * rule, {@link PasswordRefusedException} then carrying the others), the roles (officer's review: a form without a
     * role and with a refused password said only the role, then the password on the next try).
     */
    static void checkNew(Passwords passwords, String username, String displayName, String password, Set<Role> roles) {
        var before = new ArrayList<FieldError>();
        if (username == null || !Account.USERNAME.matcher(username).matches()) {
            before.add(FieldError.of("username", "organization.field.username"));
        }
        try {
            checkDisplayName(displayName);
        } catch (InvalidInputException e) {
            before.addAll(e.errors());
        }
        var after = rolesError(roles).stream().toList();
        try {
            passwords.check("password", password, username);
        } catch (PasswordRefusedException e) {
            throw e.among(before, after);
        }
        before.addAll(after);
        if (!before.isEmpty()) {
            throw new InvalidInputException(before);
        }
    }

    /**
     * What is wrong with an account's roles, if anything: none at all, or an OpenCompliance controller's role held with
     * another (its account would then open the console and {@code /api/v1} as that other role, and its requests be
     * submitted by a person's account).
     */
    static java.util.Optional<FieldError> rolesError(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            return java.util.Optional.of(FieldError.of("roles", "organization.field.roles-required"));
        }
        if (roles.contains(Role.CONTROLLER) && roles.size() > 1) {
            return java.util.Optional.of(FieldError.of("roles", "organization.field.controller-alone"));
        }
        return java.util.Optional.empty();
    }

    /**
     * A name shown to people: required, at most {@link #MAX_NAME} characters, without control characters or the
     * invisible marks that make it read otherwise than it is stored ({@link ca.gardien.shared.PlainText}).
     */
    static void checkDisplayName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("displayName", "shared.field.required");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new InvalidInputException("displayName", "shared.field.too-long", MAX_NAME);
        }
        if (ca.gardien.shared.PlainText.hidesSomething(name, false)) {
            throw new InvalidInputException("displayName", "shared.field.control-characters");
        }
    }
}
