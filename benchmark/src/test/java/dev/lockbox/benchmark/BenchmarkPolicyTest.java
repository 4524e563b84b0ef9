package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkPolicyTest {

  @Test
  void theLimitLineIsRaisedAndNothingElseChanges() {
    String policy = "limits:\n  requests-per-engineer-per-hour: 60\n\ncatalogue:\n  services: []\n";

    String raised = BenchmarkPolicy.withLimit(policy, 1_000);

    assertThat(raised)
        .isEqualTo(
            "limits:\n  requests-per-engineer-per-hour: 1000\n\ncatalogue:\n  services: []\n");
  }

  @Test
  void aPolicyWithoutTheLimitLineFailsLoudly() {
    assertThatThrownBy(() -> BenchmarkPolicy.withLimit("limits: {}\ncatalogue: {}\n", 1_000))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("requests-per-engineer-per-hour");
  }

  @Test
  void theShippedPolicyHasTheLineTheBenchmarkRaises() throws Exception {
    try (var in = getClass().getClassLoader().getResourceAsStream(BenchmarkPolicy.SHIPPED)) {
      assertThat(in).as("the shipped policy on the classpath").isNotNull();
      String raised = BenchmarkPolicy.withLimit(new String(in.readAllBytes()), 7);
      assertThat(raised).contains("requests-per-engineer-per-hour: 7");
    }
  }
}
