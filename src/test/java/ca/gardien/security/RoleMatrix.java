package ca.gardien.security;

import ca.gardien.organization.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * The expected-access table {@code src/test/resources/security/role-matrix.tsv}: one row per operation of the OpenAPI
 * document, one column per caller.
 */
record RoleMatrix(Map<String, Row> rows) {

    static final String RESOURCE = "security/role-matrix.tsv";

    /** Who calls: nobody, or an account holding exactly one role (CONTROLLER: an OpenCompliance controller's system). */
    enum Caller {
        ANONYMOUS(null),
        AUDITOR(Role.AUDITOR),
        STAFF(Role.STAFF),
        DELEGATE(Role.DELEGATE),
        OFFICER(Role.PRIVACY_OFFICER),
        CONTROLLER(Role.CONTROLLER);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }
    }

    /** What the caller gets: refused unauthenticated, refused forbidden, or past authorization. */
    enum Access {
        UNAUTHENTICATED("401"),
        FORBIDDEN("403"),
        PASSED("ok");

        final String cell;

        Access(String cell) {
            this.cell = cell;
        }

        static Access of(String cell) {
            for (var access : values()) {
                if (access.cell.equals(cell)) {
                    return access;
                }
            }
            throw new IllegalArgumentException("not 401, 403 or ok: " + cell);
        }
    }

    /** One operation's expectations; {@code note} is the comment after the cells (the finding a row anticipates). */
    record Row(String operation, Map<Caller, Access> expected, String note, int line) {}

    static String operation(String method, String path) {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }

    static RoleMatrix load() {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RoleMatrix parse(String text) {
        var rows = new LinkedHashMap<String, Row>();
        var duplicates = new ArrayList<String>();
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            int hash = line.indexOf('#');
            var cells = (hash < 0 ? line : line.substring(0, hash)).trim();
            if (cells.isEmpty()) {
                continue;
            }
            var row = row(
                    cells.split("\\s+"),
                    hash < 0 ? "" : line.substring(hash + 1).trim(),
                    i + 1);
            if (rows.putIfAbsent(row.operation(), row) != null) {
                duplicates.add(row.operation() + " (line " + row.line() + ")");
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has more than one row for " + duplicates);
        }
        return new RoleMatrix(rows);
    }

    private static Row row(String[] cells, String note, int line) {
        if (cells.length != 2 + Caller.values().length) {
            throw new IllegalStateException(RESOURCE + " line " + line
                    + ": expected METHOD PATH and one cell per caller " + List.of(Caller.values()));
        }
        var expected = new EnumMap<Caller, Access>(Caller.class);
        for (var caller : Caller.values()) {
            expected.put(caller, Access.of(cells[2 + caller.ordinal()]));
        }
        return new Row(operation(cells[0], cells[1]), expected, note, line);
    }
}
