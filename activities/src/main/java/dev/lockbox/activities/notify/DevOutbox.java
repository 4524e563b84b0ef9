package dev.lockbox.activities.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where mail goes when no SendGrid key is configured: kept in memory, newest first, so a newcomer
 * can read it and click its links. Idempotent by (request id, kind, recipient).
 */
public class DevOutbox {

  private static final int CAPACITY = 1_000;

  private final Map<String, OutboxMessage> byKey = new ConcurrentHashMap<>();
  private final List<OutboxMessage> messages = new ArrayList<>();

  /** Returns false when this message was already delivered (an activity retry). */
  public synchronized boolean deliver(OutboxMessage message) {
    String key = message.requestId() + "/" + message.kind() + "/" + message.to();
    if (byKey.putIfAbsent(key, message) != null) {
      return false;
    }
    messages.add(0, message);
    if (messages.size() > CAPACITY) {
      messages.remove(messages.size() - 1);
    }
    return true;
  }

  public synchronized List<OutboxMessage> messages() {
    return List.copyOf(messages);
  }
}
