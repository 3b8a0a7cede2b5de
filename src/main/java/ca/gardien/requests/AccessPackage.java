package ca.gardien.requests;

import static ca.gardien.shared.Listing.quote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ZIP the person downloads: the letter (HTML and PDF) and, when information is released, the information found as
 * JSON and the request's files the answer joins ({@link AnswerDocuments}); a portability package holds JSON and CSV of
 * the information collected from the person only (P-39.1 s. 27).
 */
@Component
class AccessPackage {

    private final TaskStore tasks;
    private final LetterText letters;
    private final JsonMapper json;
    private final AnswerDocuments documents;
    private final PackageData packageData;

    AccessPackage(
            TaskStore tasks, LetterText letters, JsonMapper json, AnswerDocuments documents, PackageData packageData) {
        this.tasks = tasks;
        this.packageData = packageData;
        this.letters = letters;
        this.json = json;
        this.documents = documents;
    }

    /** The package as a file named in the answer's language. */
    AnswerFile file(RightsRequest request, ResponseDraft response) {
        return new AnswerFile(letters.fileName(request), build(request, response));
    }

    byte[] build(RightsRequest request, ResponseDraft response) {
        var found = found(request);
        var joined = documents.files(request, response);
        var files = new LinkedHashMap<String, byte[]>();
        var html = letters.html(request, response, found, List.copyOf(joined.keySet()));
        files.put("letter.html", html.getBytes(StandardCharsets.UTF_8));
        files.put("letter.pdf", letters.pdf(request, html));
        if (releasesData(request, response)) {
            var data = packageData.of(request.id(), request.type(), request.language(), found);
            files.put("data.json", json.writeValueAsBytes(data));
            if (request.type() == RequestType.PORTABILITY) {
                files.put("data.csv", csv(found).getBytes(StandardCharsets.UTF_8));
            }
        }
        files.putAll(joined);
        return zip(files);
    }

    /** Whether the package holds the information found (JSON), beside the letter: not for a full refusal. */
    static boolean releasesData(RightsRequest request, ResponseDraft response) {
        return request.type().releasesData() && !"REFUSAL".equals(response.outcome());
    }

    /**
     * The letter as {@link #build} would put it in the package now, with the package's files: what staff read before
     * sending. The files joined are named without reading them (a preview decrypted up to twenty files of 10 MB each
     * just to list them); a file whose content is destroyed before sending is then left out of the package, as
     * {@link #files} and the download page already assume.
     */
    AnswerLetter preview(RightsRequest request, ResponseDraft response) {
        var joined = documents.names(request, response);
        var html = letters.html(request, response, found(request), joined);
        return new AnswerLetter(
                request.language(),
                html,
                files(request, response, joined),
                joined.stream().map(AnswerDocuments::shown).toList());
    }

    /** The request's files the answer joins, as its letter names them ({@code 01-scan.pdf}), in order. */
    List<String> documents(RightsRequest request, ResponseDraft response) {
        return documents.names(request, response).stream()
                .map(AnswerDocuments::shown)
                .toList();
    }

    /** The files of the package, by name, in the order the ZIP holds them. */
    List<String> files(RightsRequest request, ResponseDraft response) {
        return files(request, response, documents.names(request, response));
    }

    private static List<String> files(RightsRequest request, ResponseDraft response, List<String> joined) {
        var files = new ArrayList<>(List.of("letter.html", "letter.pdf"));
        if (releasesData(request, response)) {
            files.add("data.json");
            if (request.type() == RequestType.PORTABILITY) {
                files.add("data.csv");
            }
        }
        files.addAll(joined);
        return List.copyOf(files);
    }

    /** Information found per system; for portability only what was collected from the person. */
    Map<String, List<TaskResult.FoundRecord>> found(RightsRequest request) {
        var bySystem = new LinkedHashMap<String, List<TaskResult.FoundRecord>>();
        recorded(request.id()).forEach((system, all) -> {
            var records = request.type() == RequestType.PORTABILITY
                    ? all.stream().filter(r -> "person".equals(r.source())).toList()
                    : all;
            if (!records.isEmpty()) {
                bySystem.put(system, records);
            }
        });
        return bySystem;
    }

    /** Everything the request's tasks recorded as found, per system, whatever the request's type. */
    Map<String, List<TaskResult.FoundRecord>> recorded(java.util.UUID requestId) {
        var bySystem = new LinkedHashMap<String, List<TaskResult.FoundRecord>>();
        for (var row : tasks.records(requestId)) {
            List<TaskResult.FoundRecord> records = json.readValue(row[1], new TypeReference<>() {});
            bySystem.put(row[0], records.stream().filter(Objects::nonNull).toList()); // null: stored before the rules
        }
        return bySystem;
    }

    static String csv(Map<String, List<TaskResult.FoundRecord>> found) {
        var lines = new ArrayList<String>();
        lines.add("system,category,field,value");
        found.forEach((system, records) -> records.forEach(r -> r.fields()
                .forEach((field, value) ->
                        lines.add(String.join(",", quote(system), quote(r.category()), quote(field), quote(value))))));
        return String.join("\r\n", lines) + "\r\n";
    }

    private static byte[] zip(Map<String, byte[]> files) {
        try (var bytes = new ByteArrayOutputStream();
                var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
