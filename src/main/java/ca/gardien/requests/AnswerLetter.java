package ca.gardien.requests;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * The drafted or approved answer as it would go out now, for staff to read before sending: the letter exactly as the
 * package holds it ({@code letter.html}, from which its PDF is made), in the request's language, and the package's
 * files. Reading it sends, keeps and records nothing.
 *
 * @param language the request's language, the letter's ({@code fr}, {@code en})
 * @param html the letter's XHTML document, every typed value escaped
 * @param files the package's files by their names in its ZIP, in its order ({@code letter.html}, {@code letter.pdf},
 *     {@code data.json}, {@code documents/01-scan.pdf} …)
 * @param documents the request's files the answer joins, as the letter names them ({@code 01-scan.pdf})
 */
@NamedInterface("views")
public record AnswerLetter(String language, String html, List<String> files, List<String> documents)
        implements java.io.Serializable {

    public AnswerLetter {
        files = List.copyOf(files);
        documents = List.copyOf(documents);
    }
}
