package dev.lockbox.activities.notify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where mail goes when no SendGrid key is configured: kept in memory, newest first, so a newcomer
 * can read it and click its links. Idempotent by (request id, kind, recipient). Holds the newest
 * {@value #CAPACITY} messages; the oldest is forgotten entirely, duplicate check included, so
 * memory stays bounded however long the embedded default runs.
 */
public class DevOutbox {

  static final int CAPACITY = 1_000;

  private final Set<String> keys = new HashSet<>();
  private final Deque<OutboxMessage> messages = new ArrayDeque<>();

  /** Returns false when this message was already delivered (an activity retry). */
  public synchronized boolean deliver(OutboxMessage message) {
    if (!keys.add(key(message))) {
      return false;
    }
    messages.addFirst(message);
    if (messages.size() > CAPACITY) {
      keys.remove(key(messages.removeLast()));
    }
    return true;
  }

  public synchronized List<OutboxMessage> messages() {
    return List.copyOf(messages);
  }

  /** The message {@link #idOf} names, while the outbox still holds it. */
  public synchronized Optional<OutboxMessage> message(String id) {
    return messages.stream().filter(m -> idOf(m).equals(id)).findFirst();
  }

  /**
   * A message's address in the outbox: from what makes it unique (request, kind, recipient), so it
   * stays the same however many messages arrive after it, and names no email address in a URL.
   */
  public static String idOf(OutboxMessage message) {
    return UUID.nameUUIDFromBytes(key(message).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String key(OutboxMessage message) {
    return message.requestId() + "/" + message.kind() + "/" + message.to();
  }
}
