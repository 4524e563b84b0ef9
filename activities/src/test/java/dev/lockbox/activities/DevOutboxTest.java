package dev.lockbox.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.OutboxMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevOutboxTest {

  @Test
  void aRetriedDeliveryIsKeptOnceAndTheNewestComesFirst() {
    DevOutbox outbox = new DevOutbox();

    assertThat(outbox.deliver(message("r1"))).isTrue();
    assertThat(outbox.deliver(message("r1"))).isFalse();
    assertThat(outbox.deliver(message("r2"))).isTrue();

    assertThat(outbox.messages()).extracting(OutboxMessage::requestId).containsExactly("r2", "r1");
  }

  @Test
  void theOutboxKeepsTheNewestThousandAndForgetsTheOldestEntirely() {
    DevOutbox outbox = new DevOutbox();
    for (int i = 0; i <= 1_000; i++) {
      outbox.deliver(message("r" + i));
    }

    assertThat(outbox.messages()).hasSize(1_000);
    assertThat(outbox.messages()).last().extracting(OutboxMessage::requestId).isEqualTo("r1");
    // r0 was dropped with its duplicate check, so it is taken again; r1 is still known.
    assertThat(outbox.deliver(message("r0"))).isTrue();
    assertThat(outbox.deliver(message("r2"))).isFalse();
  }

  @Test
  void eachMessageIsFoundByItsIdWhichNamesNoAddressAndStaysTheSameAsOthersArrive() {
    DevOutbox outbox = new DevOutbox();
    outbox.deliver(message("r1"));
    String id = DevOutbox.idOf(outbox.messages().get(0));
    outbox.deliver(message("r2"));

    assertThat(outbox.message(id)).map(OutboxMessage::requestId).contains("r1");
    assertThat(DevOutbox.idOf(outbox.messages().get(0))).isNotEqualTo(id);
    assertThat(id).doesNotContain("contoso", "@");
    assertThat(outbox.message("no-such-id")).isEmpty();
  }

  private static OutboxMessage message(String requestId) {
    return new OutboxMessage(
        requestId,
        "APPROVAL_REQUESTED",
        "owner@contoso.example",
        "s",
        "t",
        "<p>t</p>",
        List.of(),
        Instant.now());
  }
}
