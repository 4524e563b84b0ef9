package dev.lockbox.activities.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Remembers which (request, kind, recipient) emails this process already handed over, so a retried
 * activity (e.g. after one of two approvers' emails failed) sends each email once. Bounded; a
 * worker restart forgets it, so across a crash delivery is at least once.
 */
final class SentLedger {

  private static final int CAPACITY = 10_000;

  private final Set<String> sent =
      Collections.newSetFromMap(
          Collections.synchronizedMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > CAPACITY;
                }
              }));

  boolean contains(String requestId, String kind, String recipient) {
    return sent.contains(key(requestId, kind, recipient));
  }

  void record(String requestId, String kind, String recipient) {
    sent.add(key(requestId, kind, recipient));
  }

  private static String key(String requestId, String kind, String recipient) {
    return requestId + "/" + kind + "/" + recipient;
  }
}
