package ca.gardien.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One difference between the stored map and a document: {@code op} is {@code add}, {@code change} or
 * {@code remove}; {@code path} is {@code <list>/<id>}; {@code fields} names what a change touches.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Change(String op, String path, String kind, String id, List<String> fields) {}
