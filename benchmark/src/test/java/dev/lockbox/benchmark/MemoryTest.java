package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTest {

  @Test
  void readsVmRssInBytes() {
    List<String> status =
        List.of("Name:\tjava", "VmPeak:\t 4000000 kB", "VmRSS:\t  986800 kB", "Threads:\t1092");

    assertThat(Memory.vmRss(status)).isEqualTo(986_800L * 1024);
  }

  @Test
  void noVmRssLineIsMinusOne() {
    assertThat(Memory.vmRss(List.of("Name:\tkthreadd"))).isEqualTo(-1);
  }

  @Test
  void anUnexpectedUnitIsAnError() {
    assertThatThrownBy(() -> Memory.vmRss(List.of("VmRSS:\t 12 MB")))
        .hasMessageContaining("unexpected VmRSS unit");
  }

  @Test
  void listsThisThreadAmongTheLiveThreads() {
    assertThat(Memory.threadNames()).contains(Thread.currentThread().getName());
  }
}
