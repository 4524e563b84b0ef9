package dev.lockbox.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final Instant CREATED = Instant.parse("2026-12-02T19:04:00Z");

  @Test
  void givenBreakGlass_theEngineersDeclarationWithItsJustificationFollowsTheCreate() {
    List<TimelineEvent> events = Timeline.of(granted(true), ZoneOffset.UTC);

    assertThat(events)
        .extracting(TimelineEvent::action)
        .containsExactly("Create", "Declare", "Grant");
    TimelineEvent declared = events.get(1);
    assertThat(declared.actor()).isEqualTo("oncall1");
    assertThat(declared.channel()).isEqualTo("API");
    assertThat(declared.at()).isEqualTo(CREATED);
    assertThat(declared.detail())
        .isEqualTo(
            "Break-glass: emergency access without waiting for approval, because: Sev-1 outage,"
                + " VM unresponsive");
  }

  @Test
  void givenAnOrdinaryRequest_nothingIsDeclared() {
    assertThat(Timeline.of(granted(false), ZoneOffset.UTC))
        .extracting(TimelineEvent::action)
        .containsExactly("Create", "Grant");
  }

  @Test
  void theGrantSaysUntilWhenInTheViewersZoneBesideUtc() {
    TimelineEvent grant = Timeline.of(granted(false), ZoneId.of("Europe/Berlin")).get(1);

    assertThat(grant.detail()).isEqualTo("Access granted until 2026-12-02 20:04 UTC (21:04 CET)");
  }

  private static LockboxState granted(boolean breakGlass) {
    LockboxRequest request =
        new LockboxRequest(
            "req-1",
            "oncall1",
            "SR-5001",
            "contoso",
            "contoso-prod",
            "VirtualMachine",
            "vm-web-01",
            "RemoteDesktop",
            "Sev-1 outage, VM unresponsive",
            Duration.ofDays(4),
            Duration.ofHours(1),
            null,
            breakGlass,
            null,
            null,
            null);
    return new LockboxState(
        request,
        LockboxStatus.ACCESS_GRANTED,
        3,
        null,
        List.of(),
        CREATED,
        null,
        null,
        CREATED,
        CREATED.plus(Duration.ofHours(1)),
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        null,
        List.of(),
        List.of());
  }
}
