package dev.lockbox.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.audit.AuditAction;
import dev.lockbox.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCsvTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"=HYPERLINK(\"http://evil\")", "+1+2", "-2+3", "@SUM(A1)", "\tindent", "\rreturn"})
  void cellsThatASpreadsheetWouldRunAsAFormula_getALeadingApostrophe(String value) {
    String cell = AuditCsv.cell(value);
    String unquoted =
        cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;

    assertThat(unquoted).isEqualTo("'" + value);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "approved|approved",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "mid=dle|mid=dle"
      })
  void ordinaryCellsAreQuotedOnlyWhenTheyMustBe(String value, String expected) {
    assertThat(AuditCsv.cell(value)).isEqualTo(expected);
  }

  @Test
  void aFormulaWithACommaIsBothEscapedAndQuoted() {
    assertThat(AuditCsv.cell("=1,2")).isEqualTo("\"'=1,2\"");
  }

  @Test
  void eachEventIsOneRowUnderTheHeader() {
    AuditEvent event =
        new AuditEvent(
            Instant.parse("2026-11-28T10:00:00Z"),
            AuditAction.APPROVE,
            "contoso-owner",
            "API",
            "contoso",
            "contoso-prod",
            "r1",
            "SR-1",
            "=cmd|' /C calc'!A0",
            30);

    String csv = AuditCsv.of(List.of(event));

    assertThat(csv.split("\r\n"))
        .containsExactly(
            AuditCsv.HEADER,
            "2026-11-28T10:00:00Z,Approve lockbox request,contoso-owner,API,contoso,contoso-prod,r1,SR-1,'=cmd|' /C calc'!A0,30");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "text/csv|true",
        "text/csv;q=0.9, application/json|false",
        "application/json|false",
        "*/*|false",
        "text/csv, */*|true",
        "application/json, text/csv|false",
        "not a media type|false"
      })
  void csvOnlyWhenTheCallerPrefersIt(String accept, boolean csv) {
    assertThat(AuditController.wantsCsv(accept)).isEqualTo(csv);
  }
}
