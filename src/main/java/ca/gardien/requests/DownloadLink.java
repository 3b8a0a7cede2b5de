package ca.gardien.requests;

import java.time.LocalDate;
import java.util.List;

/**
 * What a download link designates, as the page it opens shows it to the person, without using it: the request's
 * reference, the files of the package, and whether the link still works.
 *
 * @param reference the request's reference (R-…), which the person quotes to ask again
 * @param files the names of the package's files ({@code letter.html}, {@code letter.pdf}, {@code data.json},
 *     {@code data.csv}, {@code documents/01-…} for the request's files the answer joins)
 * @param lastDay the last day the link works, in the request's jurisdiction
 * @param state ready, already used or expired
 * @param usedOn the day the package was downloaded, in the request's jurisdiction; null until then
 * @param nothingFound whether the data files hold nothing and no document is joined: nothing found for the request
 * @param language the answer's language ({@code fr}, {@code en}): the page speaks it unless the person chose another
 */
public record DownloadLink(
        String reference,
        List<String> files,
        LocalDate lastDay,
        State state,
        LocalDate usedOn,
        boolean nothingFound,
        String language) {

    public enum State {
        READY,
        USED,
        EXPIRED
    }

    public boolean ready() {
        return state == State.READY;
    }

    /** The bundle key of what a file holds; a data file with nothing found says so rather than promise information. */
    public String label(String file) {
        if (file.startsWith(AnswerDocuments.FOLDER)) {
            return "rights.download.file.document";
        }
        return "rights.download.file." + file + (nothingFound && file.startsWith("data.") ? ".none" : "");
    }

    /** A joined document's own name, as its label shows it; empty for the package's other files. */
    public String shown(String file) {
        return file.startsWith(AnswerDocuments.FOLDER) ? AnswerDocuments.shown(file) : "";
    }
}
