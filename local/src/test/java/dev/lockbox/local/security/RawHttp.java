package dev.lockbox.local.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http refuses to send: a forged Host, a malformed
 * request line, headers far too large. One request per connection.
 */
final class RawHttp {

  private RawHttp() {}

  record Reply(int status, List<String> headers, String body) {

    String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).trim())
          .findFirst()
          .orElse(null);
    }

    List<String> all(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).trim())
          .toList();
    }
  }

  /** Sends the request line and headers as given (CRLF added), then {@code body}. */
  static Reply send(String baseUrl, String requestLine, List<String> headers, String body) {
    URI base = URI.create(baseUrl);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder(requestLine).append("\r\n");
      headers.forEach(h -> request.append(h).append("\r\n"));
      request.append("Connection: close\r\n");
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        request.append("Content-Length: ").append(bytes.length).append("\r\n");
      }
      request.append("\r\n");
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Reply get(String baseUrl, String path, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    if (all.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("host:"))) {
      all.add("Host: " + URI.create(baseUrl).getAuthority());
    }
    return send(baseUrl, "GET " + path + " HTTP/1.1", all, null);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      in.transferTo(out);
    } catch (java.net.SocketException reset) {
      // The server may close right after answering a request it refused.
    }
    return out.toByteArray();
  }

  private static Reply parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status =
        lines.length == 0 || lines[0].length() < 12
            ? -1
            : Integer.parseInt(lines[0].substring(9, 12));
    List<String> headers = List.of(lines).subList(Math.min(1, lines.length), lines.length);
    return new Reply(status, headers, body);
  }
}
