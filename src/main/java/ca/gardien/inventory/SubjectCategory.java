package ca.gardien.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A category of persons the information is about: customer, prospect, website visitor, candidate, employee, …
 * {@code approximateCount} is how many such persons the organization holds information about, roughly (optional); it
 * gives a first estimate of the persons an incident concerns when they cannot be counted in the systems themselves.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectCategory(String id, Text name, Long approximateCount) implements DataMap.Item {

    public SubjectCategory(String id, Text name) {
        this(id, name, null);
    }
}
