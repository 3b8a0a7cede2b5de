package ca.gardien.shared;

/** One invalid field of a request: its path (e.g. {@code roles[1]}) and a message that never echoes the value. */
public record FieldError(String field, String message) {}
