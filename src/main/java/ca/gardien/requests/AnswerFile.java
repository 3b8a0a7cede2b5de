package ca.gardien.requests;

/**
 * The answer's package as a file: the ZIP the person downloads through the link, or the officer takes from the console
 * to hand over by post or in person.
 *
 * @param name the file's name in the answer's language ({@code reponse-R-2026-00042.zip},
 *     {@code response-R-2026-00042.zip})
 * @param zip the package
 */
@org.springframework.modulith.NamedInterface("views")
public record AnswerFile(String name, byte[] zip) {}
