package ca.gardien.shared;

import java.util.Objects;

/**
 * Who did something: an account, an API token, Gardien itself or a data subject. Ids are opaque (an account id, a token
 * id, a keyed hash) and never personal information.
 */
public record Actor(Kind kind, String id) {

    public enum Kind {
        ACCOUNT,
        TOKEN,
        SYSTEM,
        SUBJECT
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "gardien");

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank() || id.length() > 200 || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("actor id must be 1-200 printable characters");
        }
    }

    public static Actor account(Object id) {
        return new Actor(Kind.ACCOUNT, String.valueOf(id));
    }

    public static Actor token(Object id) {
        return new Actor(Kind.TOKEN, String.valueOf(id));
    }
}
