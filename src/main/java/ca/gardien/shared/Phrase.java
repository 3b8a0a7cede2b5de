package ca.gardien.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Words Gardien writes now and someone reads later (a task's note, why a run failed): kept as a bundle key and its
 * arguments, put in the reader's language when shown, never when written. An argument is a value (a table, a run id, a
 * SQL state) or another phrase. {@link #verbatim} keeps words someone else wrote (a service's reason) as they are.
 */
public record Phrase(String key, List<Object> arguments) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERBATIM = "shared.phrase.verbatim";
    private static final int MAX_ARGUMENTS = 8;

    public Phrase {
        if (key == null || !key.matches("[a-z][a-zA-Z0-9-]*(\\.[a-zA-Z0-9-]+)+")) {
            throw new IllegalArgumentException("a phrase names a message bundle key");
        }
        if (arguments.size() > MAX_ARGUMENTS) {
            throw new IllegalArgumentException("a phrase takes at most " + MAX_ARGUMENTS + " arguments");
        }
        arguments = arguments.stream()
                .map(a -> a instanceof Phrase ? a : String.valueOf(a))
                .toList();
    }

    /** The phrase whose text is the bundle's {@code key}; arguments other than phrases are kept as their strings. */
    public static Phrase of(String key, Object... arguments) {
        return new Phrase(key, List.of(arguments));
    }

    /** Words someone else wrote, shown as they are in every language. */
    public static Phrase verbatim(String text) {
        return of(VERBATIM, text);
    }

    /** The phrase in the reader's language; an unknown key shows as itself rather than failing a page. */
    public String in(MessageSource messages, Locale locale) {
        var args = arguments.stream()
                .map(a -> a instanceof Phrase phrase ? phrase.in(messages, locale) : a)
                .toArray();
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    /** The phrase as a column keeps it: a JSON array, key first, nested phrases as nested arrays. */
    public String stored() {
        return JSON.writeValueAsString(tree());
    }

    private ArrayNode tree() {
        var array = JSON.createArrayNode().add(key);
        arguments.forEach(a -> {
            if (a instanceof Phrase phrase) {
                array.add(phrase.tree());
            } else {
                array.add((String) a);
            }
        });
        return array;
    }

    /** A stored phrase back; text stored before phrases existed (not a phrase) reads as verbatim words. */
    public static Phrase fromStored(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            var node = JSON.readTree(stored);
            if (node.isArray() && !node.isEmpty() && node.get(0).isString()) {
                return fromTree(node);
            }
        } catch (JacksonException | IllegalArgumentException notAPhrase) {
            // older rows hold plain text
        }
        return verbatim(stored);
    }

    private static Phrase fromTree(JsonNode node) {
        var args = new ArrayList<>();
        for (int i = 1; i < node.size(); i++) {
            var arg = node.get(i);
            args.add(arg.isArray() ? fromTree(arg) : arg.asString());
        }
        return new Phrase(node.get(0).asString(), args);
    }
}
