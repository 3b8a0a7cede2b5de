package ca.gardien.complaints;

import ca.gardien.shared.ConflictException;

/**
 * A document larger than the room its file has left under {@code gardien.complaints.max-documents-total}: a conflict
 * with the file's state for the console (the page says it above the form), {@code 413} with the problem type {@code
 * complaint-documents-full} in the API ({@link ComplaintProblems}), with the total ({@code limit}) and what is left
 * ({@code remaining}) in bytes.
 */
class ComplaintFileFull extends ConflictException {

    private final long limit;
    private final long remaining;

    ComplaintFileFull(long limit, long remaining) {
        super("complaints.documents.too-large", megabytes(limit), megabytes(remaining));
        this.limit = limit;
        this.remaining = remaining;
    }

    long limit() {
        return limit;
    }

    long remaining() {
        return remaining;
    }

    /** In megabytes, as the words say it ({@code {0,number,#.#} Mo}). */
    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
