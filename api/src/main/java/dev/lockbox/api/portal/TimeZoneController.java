package dev.lockbox.api.portal;

import dev.lockbox.api.problems.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The viewer's time zone, shown beside UTC on every page ({@link ViewerTime}): a form, since pages
 * run no script that could ask the browser. Kept in a cookie of this browser for a year.
 */
@Controller
class TimeZoneController {

  static final Duration KEPT = Duration.ofDays(365);
  private static final Instant EXAMPLE = Instant.parse("2026-12-02T19:04:00Z");

  /** UTC first, then the places (Europe/Berlin), without the legacy and Etc aliases. */
  static final List<String> CHOICES =
      Stream.concat(
              Stream.of("UTC"),
              ViewerTime.ZONES.stream()
                  .filter(id -> id.contains("/"))
                  .filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                  .sorted())
          .toList();

  private final ViewerTime viewerTime;

  TimeZoneController(ViewerTime viewerTime) {
    this.viewerTime = viewerTime;
  }

  @GetMapping("/portal/time-zone")
  String form(Model model) {
    model.addAttribute("zones", CHOICES);
    model.addAttribute("current", viewerTime.zoneName());
    model.addAttribute("example", viewerTime.of(EXAMPLE));
    return "portal/time-zone";
  }

  @PostMapping("/portal/time-zone")
  String choose(
      @RequestParam String zone, HttpServletRequest request, HttpServletResponse response) {
    ZoneId chosen =
        ViewerTime.parse(zone)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "Unknown time zone; pick one of the list, e.g. Europe/Berlin."));
    ResponseCookie cookie =
        ResponseCookie.from(ViewerTime.COOKIE, chosen.getId())
            .path("/")
            .maxAge(KEPT)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    return "redirect:/portal/time-zone?saved";
  }
}
