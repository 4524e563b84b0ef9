package dev.lockbox.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ViewerTimeTest {

  private static final Instant AT = Instant.parse("2026-12-02T19:04:00Z");

  private final ViewerTime viewerTime = new ViewerTime();

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void givenNoCookie_timesAreUtcAlone() {
    viewing(null);

    assertThat(viewerTime.of(AT)).isEqualTo("2026-12-02 19:04 UTC");
    assertThat(viewerTime.zoneName()).isEqualTo("UTC");
    assertThat(viewerTime.utcOnly()).isTrue();
  }

  @Test
  void givenTheViewersZoneCookie_timesShowItBesideUtc() {
    viewing("Europe/Berlin");

    assertThat(viewerTime.of(AT)).isEqualTo("2026-12-02 19:04 UTC (20:04 CET)");
    assertThat(viewerTime.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(viewerTime.utcOnly()).isFalse();
  }

  @Test
  void givenACookieNamingNoKnownZone_timesAreUtc() {
    for (String junk : new String[] {"Mars/Olympus", "+02:00", "", "Europe/Berlin\u0000"}) {
      viewing(junk);
      assertThat(viewerTime.zone()).as(junk).isEqualTo(ZoneOffset.UTC);
    }
  }

  @Test
  void givenTextWithIsoInstants_eachIsWrittenAsThePagesOtherTimes() {
    viewing("Europe/Berlin");

    assertThat(
            viewerTime.inText(
                "RemoteDesktop on vm-web-01 for engineer1 until 2026-12-02T19:04:05.123456Z"))
        .isEqualTo(
            "RemoteDesktop on vm-web-01 for engineer1 until 2026-12-02 19:04 UTC (20:04 CET)");
    assertThat(viewerTime.inText("from 2026-12-02T19:04:00Z to 2026-12-03T00:30:00Z"))
        .isEqualTo("from 2026-12-02 19:04 UTC (20:04 CET) to 2026-12-03 00:30 UTC (01:30 CET)");
    assertThat(viewerTime.inText("ticket 2026-13-45T99:99:99Z stays"))
        .contains("2026-13-45T99:99:99Z");
    assertThat(viewerTime.inText("no time here")).isEqualTo("no time here");
    assertThat(viewerTime.inText(null)).isEmpty();
  }

  @Test
  void outsideAnHttpRequestTimesAreUtc() {
    assertThat(viewerTime.of(AT)).isEqualTo("2026-12-02 19:04 UTC");
  }

  @Test
  void thePickerOffersUtcFirstAndThePlacesWithoutAliases() {
    assertThat(TimeZoneController.CHOICES).first().isEqualTo("UTC");
    assertThat(TimeZoneController.CHOICES)
        .contains("Europe/Berlin", "Asia/Tokyo", "America/New_York")
        .noneMatch(id -> id.startsWith("Etc/") || id.startsWith("SystemV/"));
    assertThat(TimeZoneController.CHOICES).allMatch(id -> ViewerTime.parse(id).isPresent());
  }

  private static void viewing(String zone) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    if (zone != null) {
      request.setCookies(new Cookie(ViewerTime.COOKIE, zone));
    }
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }
}
