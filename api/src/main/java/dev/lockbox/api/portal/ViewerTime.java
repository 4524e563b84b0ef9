package dev.lockbox.api.portal;

import dev.lockbox.text.HumanText;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every time a portal page shows, in one format: UTC, then the viewer's own time ({@code 2026-12-02
 * 19:04 UTC (20:04 CET)}). Pages run no scripts, so the browser cannot tell the portal its zone:
 * the viewer picks it on {@code /portal/time-zone} and a cookie keeps it. UTC alone until they do,
 * or when the cookie names no zone Java knows. Templates read it as {@code @viewerTime}.
 */
@Component("viewerTime")
public class ViewerTime {

  static final String COOKIE = "lockbox_zone";

  /** The zones a viewer may pick: the region ids Java knows (Europe/Berlin), and UTC. */
  static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private static final Pattern ISO_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

  /** {@code 2026-12-02 19:04 UTC (20:04 CET)} in the current viewer's zone; empty for null. */
  public String of(Instant instant) {
    return HumanText.time(instant, zone());
  }

  /**
   * Text from elsewhere (an audit event's reason) with each ISO-8601 instant in it ({@code
   * 2026-12-02T19:04:05.123Z}) written as every other time on the page.
   */
  public String inText(String text) {
    if (text == null) {
      return "";
    }
    ZoneId zone = zone();
    return ISO_INSTANT
        .matcher(text)
        .replaceAll(
            m -> {
              try {
                return Matcher.quoteReplacement(HumanText.time(Instant.parse(m.group()), zone));
              } catch (DateTimeParseException e) {
                return Matcher.quoteReplacement(m.group()); // 2026-13-45T…: not a time, left as is
              }
            });
  }

  /** The current viewer's zone: their cookie's, or UTC. */
  public ZoneId zone() {
    return current().flatMap(ViewerTime::fromCookie).orElse(ZoneOffset.UTC);
  }

  /** The zone id as the picker shows it: "UTC" until another is chosen. */
  public String zoneName() {
    ZoneId zone = zone();
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  public boolean utcOnly() {
    return zone().normalized().equals(ZoneOffset.UTC);
  }

  /** A zone the picker accepts, or empty (anything else a form or a cookie may carry). */
  static Optional<ZoneId> parse(String id) {
    if (id == null || !ZONES.contains(id)) {
      return Optional.empty();
    }
    return Optional.of(ZoneId.of(id));
  }

  private static Optional<ZoneId> fromCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> c.getName().equals(COOKIE))
        .findFirst()
        .flatMap(c -> parse(c.getValue()));
  }

  private static Optional<HttpServletRequest> current() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        ? Optional.of(a.getRequest())
        : Optional.empty();
  }
}
