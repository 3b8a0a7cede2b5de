package ca.gardien.organization;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an account may do in Gardien. AUDITOR reads everything and changes nothing. CONTROLLER is not a person's role but
 * an OpenCompliance controller's system: its tokens submit, read and cancel its own OpenCompliance requests and reach
 * nothing else, neither the console, nor {@code /api/v1}, nor the metrics; it is held alone.
 */
@org.springframework.modulith.NamedInterface("views")
public enum Role {
    PRIVACY_OFFICER(true, true),
    DELEGATE(true, true),
    STAFF(true, true),
    AUDITOR(true, false),
    CONTROLLER(false, false);

    private final boolean person;
    private final boolean writes;

    /**
     * Each role says whether it opens the console and {@code /api/v1} and whether it writes through the API: a new role
     * must decide both, none is let in unsaid.
     */
    Role(boolean person, boolean writes) {
        this.person = person;
        this.writes = writes;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether this is the role of a person working in Gardien (console, {@code /api/v1}, metrics). */
    public boolean person() {
        return person;
    }

    /** The roles of people working in Gardien, in order: the only ones the console, {@code /api/v1}, metrics admit. */
    public static Set<Role> people() {
        return Arrays.stream(values())
                .filter(Role::person)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** The names of {@link #people()}, as the security rules write roles. */
    static String[] peopleNames() {
        return people().stream().map(Role::name).toArray(String[]::new);
    }

    /**
     * The names of the people's roles that write through {@code /api/v1} (each module's service still checks what
     * each of them may do): all but the auditor's, which reads everything and changes nothing.
     */
    static String[] writerNames() {
        return Arrays.stream(values())
                .filter(r -> r.person && r.writes)
                .map(Role::name)
                .toArray(String[]::new);
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
