package ca.gardien.organization;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a person may do in Gardien. AUDITOR reads everything and changes nothing. */
@org.springframework.modulith.NamedInterface("views")
public enum Role {
    PRIVACY_OFFICER,
    DELEGATE,
    STAFF,
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }

    static String format(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    static Set<Role> parse(String csv) {
        var roles = EnumSet.noneOf(Role.class);
        if (csv != null && !csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(String::trim).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
