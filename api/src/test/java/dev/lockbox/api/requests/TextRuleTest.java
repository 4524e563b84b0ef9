package dev.lockbox.api.requests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for free text, and that both free-text fields of the API carry it. */
class TextRuleTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "line one\r\nline two",
        "tab\there",
        "nul\u0000byte",
        "bell\u0007",
        "ansi \u001b[31mred",
        "delete\u007f",
        "c1 \u009b control",
        "invoice\u202egnp.exe",
        "embedding \u202a left",
        "isolate \u2066 first",
        "mark \u200f right",
        "arabic letter mark \u061c",
        "separator \u2028 line",
        "lone surrogate \ud800",
        "<script>alert(1)</script>",
        "see </textarea> here",
        "<!-- comment -->",
        "<?xml version='1.0'?>",
        "<img src=x onerror=alert(1)>"
      })
  void refusesControlBidiAndMarkup(String text) {
    assertThat(TextRule.isPlain(text)).as(text).isFalse();
    assertThat(VALIDATOR.validate(new DecisionBody(text, null))).as(text).isNotEmpty();
    assertThat(VALIDATOR.validate(body(text)))
        .as(text)
        .anyMatch(v -> v.getPropertyPath().toString().equals("justification"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Customer reports RDP failures; need to inspect event logs",
        "load < 5 and error code <500> & retry",
        "Zugriff für Müller — 日本語 — emoji 👩‍💻",
        "quotes \"double\" 'single' `back`"
      })
  void acceptsPrintableTextOnOneLine(String text) {
    assertThat(TextRule.isPlain(text)).as(text).isTrue();
    assertThat(VALIDATOR.validate(new DecisionBody(text, null))).isEmpty();
    assertThat(VALIDATOR.validate(body(text))).isEmpty();
  }

  private static CreateLockboxRequestBody body(String justification) {
    return new CreateLockboxRequestBody(
        "SR-1001",
        "contoso",
        "contoso-prod",
        "VirtualMachine",
        "vm-web-01",
        "RemoteDesktop",
        justification,
        null,
        null,
        null);
  }
}
