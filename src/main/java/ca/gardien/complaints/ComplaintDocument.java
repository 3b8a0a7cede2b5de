package ca.gardien.complaints;

import java.time.Instant;
import java.util.UUID;

/**
 * A document of a complaint file without its content: {@code LETTER}, {@code SUPPORTING}, {@code DELAY_NOTICE},
 * {@code ANSWER}. {@code fileName}: the name it was uploaded under, cleaned ({@link ca.gardien.shared.FileNames}); null
 * for the letters Gardien writes, documents stored before names were kept, and once the file's key is gone.
 */
@org.springframework.modulith.NamedInterface("views")
public record ComplaintDocument(
        UUID id,
        UUID complaintId,
        String kind,
        String mediaType,
        long size,
        String sha256,
        Instant at,
        String fileName) {}
