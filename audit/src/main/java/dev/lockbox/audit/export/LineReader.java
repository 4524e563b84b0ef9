package dev.lockbox.audit.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a stream into lines of raw bytes at {@code \n}, keeping every other byte (a {@code \r}
 * too): the hashes are over exact bytes. A final newline ends the last line, it does not start an
 * empty one.
 */
final class LineReader {

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(64 * 1024);

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line without its newline, or null at the end. */
  byte[] next() throws IOException {
    line.reset();
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return any ? line.toByteArray() : null;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.write(buffer, start, position - start);
      if (position < limit) {
        position++;
        return line.toByteArray();
      }
    }
  }
}
