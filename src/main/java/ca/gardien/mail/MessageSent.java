package ca.gardien.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * An email left through the mail server ({@code SENT}), at {@code sentAt}: the module that queued it dates what it
 * carried from the sending, not the queuing (an incident's persons' notice). Never the recipient or the text.
 *
 * @param relatedType the kind of object it is about (e.g. {@code incident}), or null
 * @param relatedId the id of that object, or null
 */
public record MessageSent(UUID messageId, String template, String relatedType, String relatedId, Instant sentAt) {}
