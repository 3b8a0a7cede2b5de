package ca.gardien.complaints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one complaint file holds at most ({@code gardien.complaints.*}; the module's other settings are read where they
 * are used). Each uploaded document may be as large as a request's ({@code gardien.requests.delivery.max-upload}) and
 * is kept until the file is destroyed: without a bound, one account filled the disk through one file (attacker's
 * review). Gardien's own letters (answer, delay notice, request for information) are not counted: their steps bound them.
 *
 * @param maxDocuments the most documents staff file on one complaint (the scanned letter and supporting documents)
 * @param maxDocumentsTotal the most those documents take together
 * @param maxNotes the most analysis notes one file holds (each up to 10,000 characters, all shown on its page)
 */
@ConfigurationProperties("gardien.complaints")
record ComplaintsProperties(Integer maxDocuments, DataSize maxDocumentsTotal, Integer maxNotes) {

    static final int MAX_DOCUMENTS = 50;
    static final DataSize MAX_DOCUMENTS_TOTAL = DataSize.ofMegabytes(100);
    static final int MAX_NOTES = 100;

    ComplaintsProperties {
        maxDocuments = maxDocuments == null ? MAX_DOCUMENTS : maxDocuments;
        maxDocumentsTotal = maxDocumentsTotal == null ? MAX_DOCUMENTS_TOTAL : maxDocumentsTotal;
        maxNotes = maxNotes == null ? MAX_NOTES : maxNotes;
        if (maxDocuments < 1 || maxNotes < 1 || maxDocumentsTotal.toBytes() < 1) {
            throw new IllegalArgumentException(
                    "gardien.complaints.max-documents, max-documents-total and max-notes must be at least 1");
        }
    }
}
