package ca.gardien.inventory;

/** One mistake in a data-map document: where it is (e.g. {@code processingActivities[3].purposes[1]}) and what. */
public record MapError(String path, String message) {}
