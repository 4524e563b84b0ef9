package dev.lockbox.audit.export;

import java.util.Arrays;

/**
 * The SHA-256 of every line, 32 bytes each: the only part of an export or a verification that grows
 * with the number of requests (32 bytes per request, against tens of kilobytes of history).
 */
final class HashList {

  private byte[] bytes = new byte[32 * 256];
  private int size;

  void add(byte[] hash) {
    if ((size + 1) * 32 > bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    System.arraycopy(hash, 0, bytes, size * 32, 32);
    size++;
  }

  byte[] get(int index) {
    return Arrays.copyOfRange(bytes, index * 32, index * 32 + 32);
  }

  int size() {
    return size;
  }
}
