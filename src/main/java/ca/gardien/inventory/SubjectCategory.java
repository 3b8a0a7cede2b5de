package ca.gardien.inventory;

/** A category of persons the information is about: customer, prospect, website visitor, candidate, employee, … */
public record SubjectCategory(String id, Text name) implements DataMap.Item {}
