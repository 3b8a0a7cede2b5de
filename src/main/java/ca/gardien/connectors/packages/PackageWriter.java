package ca.gardien.connectors.packages;

import ca.gardien.connectors.engine.Collector;
import ca.gardien.connectors.engine.ReferenceGraph;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.inventory.Dataset;
import ca.gardien.shared.SubjectKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;

/**
 * Writes an export package as the rows are read, so memory does not grow with the person's data:
 * {@code {"run":…, "connector":…, "records":[{"table":…, "row":{…}, "origin":{column: COLLECTED…}}…], "counts":{…}}}.
 * The file is written under a temporary name and renamed when complete, sealed under the run's package key as it is
 * written ({@link SubjectKey#sealing}); its SHA-256, of the document in clear, goes to the ledger. Made by {@link
 * PackageFiles#writer}.
 */
public final class PackageWriter implements Collector.Sink, AutoCloseable {

    private final Path target;
    private final Path partial;
    private final MessageDigest digest;
    private final JsonGenerator json;
    private final ReferenceGraph graph;

    PackageWriter(Path directory, UUID run, String connector, ReferenceGraph graph, SubjectKey key) {
        try {
            Files.createDirectories(directory);
            this.target = directory.resolve(run + ".json");
            // one partial file per writer: a node that lost the run never writes into the holder's
            this.partial = directory.resolve(run + "." + UUID.randomUUID() + ".json.part");
            this.digest = MessageDigest.getInstance("SHA-256");
            OutputStream out = new DigestOutputStream(
                    key.sealing(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)), digest);
            this.json = RunStore.JSON.createGenerator(out);
            this.graph = graph;
            json.writeStartObject();
            json.writeStringProperty("run", run.toString());
            json.writeStringProperty("connector", connector);
            json.writeArrayPropertyStart("records");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export package", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(Path directory, UUID run) {
        return directory.resolve(run + ".json");
    }

    @Override
    public void rows(String table, List<String> labels, List<Object[]> rows) {
        var annotations = graph.annotations(table);
        for (var row : rows) {
            json.writeStartObject();
            json.writeStringProperty("table", table);
            json.writeObjectPropertyStart("row");
            for (int i = 0; i < row.length; i++) {
                json.writeName(labels.get(i));
                value(row[i]);
            }
            json.writeEndObject();
            origins(labels, annotations);
            json.writeEndObject();
        }
    }

    /** Data portability takes only what the person provided: each record says where each annotated column came from. */
    private void origins(List<String> labels, Map<String, Dataset.Column> annotations) {
        boolean any = false;
        for (var label : labels) {
            var a = annotations.get(ReferenceGraph.key(label));
            if (a != null && a.origin() != null) {
                if (!any) json.writeObjectPropertyStart("origin");
                any = true;
                json.writeStringProperty(label, a.origin());
            }
        }
        if (any) json.writeEndObject();
    }

    private void value(Object v) {
        switch (v) {
            case null -> json.writeNull();
            case Integer i -> json.writeNumber(i);
            case Long l -> json.writeNumber(l);
            case Short s -> json.writeNumber(s);
            case BigDecimal d -> json.writeNumber(d);
            case BigInteger b -> json.writeNumber(b);
            case Double d -> json.writeNumber(d);
            case Float f -> json.writeNumber(f);
            case Boolean b -> json.writeBoolean(b);
            case byte[] bytes -> json.writeBinary(bytes);
            case java.sql.Timestamp t -> json.writeString(t.toInstant().toString());
            default -> json.writeString(v.toString());
        }
    }

    /** Ends the document with the counts and returns its SHA-256; {@link #publish} renames it into place. */
    public String finish(Map<String, Long> counts) {
        json.writeEndArray();
        json.writeObjectPropertyStart("counts");
        counts.forEach((table, n) -> json.writeNumberProperty(table, n.longValue()));
        json.writeEndObject();
        json.writeEndObject();
        json.close();
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Renames the finished package into place. Called in the transaction that records the run completed, once that
     * write has passed the lease fence: a node that lost the run never replaces the holder's package.
     */
    public void publish() {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish the export package", e);
        }
    }

    @Override
    public void close() {
        if (!json.isClosed()) {
            json.close();
        }
        try {
            Files.deleteIfExists(partial); // gone once published
        } catch (IOException e) {
            // a partial package is rewritten by the next attempt
        }
    }
}
