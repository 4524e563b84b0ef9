package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockbox.benchmark.Options.CacheConfig;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaultsRunBothPhasesAndTheDocumentedMemoryRuns() {
    Options options = Options.parse();

    assertThat(options.phases())
        .containsExactlyInAnyOrder("latency", "listing", "timers", "memory");
    assertThat(options.open()).isEqualTo(1000);
    assertThat(options.configs())
        .extracting(CacheConfig::toString)
        .containsExactly("200:250", "600:200", "2000:2050");
    assertThat(options.probeHeapMb()).isEqualTo(612);
    assertThat(options.cacheSize()).isZero(); // Lockbox's own default
  }

  @Test
  void flagsOverrideDefaultsAndTheHeapFollowsTheOpenRequests() {
    Options options =
        Options.parse("--open=5_000", "--phases=memory", "--configs=600:200, 50", "--verbose");

    assertThat(options.open()).isEqualTo(5000);
    assertThat(options.phases()).containsExactly("memory");
    assertThat(options.configs())
        .containsExactly(new CacheConfig(600, 200), new CacheConfig(50, 50));
    assertThat(options.probeHeapMb()).isEqualTo(1012);
    assertThat(options.verbose()).isTrue();
  }

  @Test
  void theFloorRunsItsLookupsAsLocalActivitiesAsLockboxDoesUnlessAskedForActivities() {
    assertThat(Options.parse().floorLocalLookups()).isTrue();
    assertThat(Options.parse("--floor-lookups=activities").floorLocalLookups()).isFalse();
    assertThatThrownBy(() -> Options.parse("--floor-lookups=remote"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("activities or local");
  }

  @Test
  void quickShortensEveryPhaseAndFlagsStillOverrideIt() {
    Options quick = Options.parse("--quick", "--timers=50", "--out", "results.json");

    assertThat(quick.quick()).isTrue();
    assertThat(quick.ops()).isEqualTo(60);
    assertThat(quick.open()).isEqualTo(150);
    assertThat(quick.configs()).extracting(CacheConfig::toString).containsExactly("200:250");
    assertThat(quick.apiFillLimit()).isEqualTo(300);
    assertThat(quick.timers()).isEqualTo(50);
    assertThat(quick.timerWindow()).hasSeconds(15);
    assertThat(quick.listSizes()).containsExactly(1000, 10000);
    assertThat(quick.out()).isEqualTo("results.json");
    assertThat(quick.temporal()).isEqualTo("in-process");
  }

  @Test
  void theFullRunFillsEveryListingOverTheApiAndRunsAThousandTimers() {
    Options full = Options.parse("--temporal=127.0.0.1:7233", "--list=10_000,1000");

    assertThat(full.apiFillLimit()).isEqualTo(Integer.MAX_VALUE);
    assertThat(full.timers()).isEqualTo(1000);
    assertThat(full.timerWindow()).hasSeconds(60);
    assertThat(full.listSizes()).containsExactly(1000, 10000);
    assertThat(full.temporal()).isEqualTo("127.0.0.1:7233");
    assertThat(full.phases()).containsExactlyInAnyOrder("latency", "listing", "timers", "memory");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> Options.parse("--opne=10"))
        .hasMessageContaining("unknown flag --opne");
    assertThatThrownBy(() -> Options.parse("--ops=many"))
        .hasMessageContaining("--ops: 'many' is not a whole number");
    assertThatThrownBy(() -> Options.parse("--ops=0"))
        .hasMessageContaining("--ops: must be at least 1");
    assertThatThrownBy(() -> Options.parse("--configs=600:200:1"))
        .hasMessageContaining("'600:200:1' is not cache:threads");
    assertThatThrownBy(() -> Options.parse("--configs=600:1"))
        .hasMessageContaining("needs a cache of 1+ and 2+ threads");
    assertThatThrownBy(() -> Options.parse("--phases=speed"))
        .hasMessageContaining("'speed' is none of");
    assertThatThrownBy(() -> Options.parse("--out")).hasMessageContaining("--out needs a value");
    assertThatThrownBy(() -> Options.parse("--out", "--quick"))
        .hasMessageContaining("--out needs a value");
    assertThatThrownBy(() -> Options.parse("--timer-window=60s"))
        .hasMessageContaining("is not ISO-8601");
    assertThatThrownBy(() -> Options.parse("--list=1000,none"))
        .hasMessageContaining("'none' is not a positive whole number");
    assertThatThrownBy(() -> Options.parse("memory"))
        .hasMessageContaining("unexpected argument 'memory'");
  }
}
