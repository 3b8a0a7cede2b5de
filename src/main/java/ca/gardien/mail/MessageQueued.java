package ca.gardien.mail;

import java.util.UUID;

/** A message was stored in the outbox; sent after the transaction commits (re-delivered after a crash). */
public record MessageQueued(UUID messageId) {}
