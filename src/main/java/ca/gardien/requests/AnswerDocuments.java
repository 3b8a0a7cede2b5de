package ca.gardien.requests;

import ca.gardien.shared.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The request's own files an answer joins (for a system without a connector, what staff found is often a document: a
 * scan of a paper file, an export made by hand). Only staff's attachments may be joined — never a proof of identity, a
 * representative's mandate or the person's own letter — at most {@value #MAX}, and none to a full refusal, which
 * releases nothing (nor to an answer that releases no information: an erasure's). Each goes into the answer's ZIP as {@code documents/01-<its name>}, in the draft's order; the
 * draft is frozen by its approval, so the person receives exactly what was approved.
 */
@Component
class AnswerDocuments {

    static final int MAX = 20;
    static final String FOLDER = "documents/";

    private final DocumentStore documents;

    AnswerDocuments(DocumentStore documents) {
        this.documents = documents;
    }

    /** What is wrong with the draft's {@code documents}: files of another request or kind, too many, nothing released. */
    List<FieldError> errors(RightsRequest request, ResponseDraft draft) {
        var errors = new ArrayList<FieldError>();
        var joined = draft.documents();
        if (joined.isEmpty()) {
            return errors;
        }
        if (!AccessPackage.releasesData(request, draft)) {
            errors.add(FieldError.of("documents", "requests.field.documents-refusal"));
        } else if (joined.size() > MAX) {
            errors.add(FieldError.of("documents", "requests.field.documents-too-many", MAX));
        } else {
            var attachments = attachments(request.id());
            if (!joined.stream().allMatch(attachments::containsKey)) {
                errors.add(FieldError.of("documents", "requests.field.documents-not-joinable"));
            }
        }
        return errors;
    }

    /** The ZIP's names of the joined files, in order; a file whose record is gone is left out. */
    List<String> names(RightsRequest request, ResponseDraft draft) {
        return List.copyOf(named(request, draft).keySet());
    }

    /** The joined files by their ZIP name, with their content; a file whose content was destroyed is left out. */
    Map<String, byte[]> files(RightsRequest request, ResponseDraft draft) {
        var files = new LinkedHashMap<String, byte[]>();
        named(request, draft)
                .forEach((name, id) ->
                        documents.content(request.id(), id).ifPresent(file -> files.put(name, file.content())));
        return files;
    }

    /**
     * The file's name in the ZIP without its folder ({@code 01-scan.pdf}): what the letter and the download page show,
     * so that two files uploaded under one name are told apart as the ZIP tells them.
     */
    static String shown(String entry) {
        return entry.substring(FOLDER.length());
    }

    private Map<String, UUID> named(RightsRequest request, ResponseDraft draft) {
        var named = new LinkedHashMap<String, UUID>();
        if (draft.documents().isEmpty() || !AccessPackage.releasesData(request, draft)) {
            return named;
        }
        var attachments = attachments(request.id());
        for (var id : draft.documents()) {
            var document = attachments.get(id);
            if (document != null) {
                named.put(entry(named.size() + 1, document), id);
            }
        }
        return named;
    }

    private Map<UUID, DocumentStore.Document> attachments(UUID requestId) {
        return documents.of(requestId).stream()
                .filter(d -> RequestNotes.ATTACHMENT.equals(d.kind()))
                .collect(Collectors.toMap(DocumentStore.Document::id, Function.identity()));
    }

    /** {@code documents/01-scan.pdf}; a file uploaded without a name is {@code document} with its type's extension. */
    static String entry(int index, DocumentStore.Document document) {
        var name = document.fileName() != null ? portable(document.fileName()) : null;
        if (name == null || name.isEmpty()) {
            name = "document" + extension(document.mediaType());
        }
        return FOLDER + String.format("%02d-", index) + name;
    }

    /**
     * A name every system can extract: the characters Windows refuses in a file name ({@code < > : " / \\ | ? *})
     * replaced by {@code _}, no trailing dot or space (an uploaded name was already cut to its last part and cleaned of
     * control characters).
     */
    static String portable(String name) {
        var kept = new StringBuilder();
        name.codePoints().forEach(c -> kept.appendCodePoint("<>:\"/\\|?*".indexOf(c) >= 0 ? '_' : c));
        int end = kept.length();
        while (end > 0 && (kept.charAt(end - 1) == '.' || kept.charAt(end - 1) == ' ')) {
            end--;
        }
        return kept.substring(0, end);
    }

    private static String extension(String mediaType) {
        return switch (mediaType == null ? "" : mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "text/plain" -> ".txt";
            default -> "";
        };
    }
}
