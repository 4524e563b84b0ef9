package dev.lockbox.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Browsers get HTML error pages; scripts, curl and clients that ask for JSON get problem JSON. */
class ClientPreferenceTest {

  @ParameterizedTest(name = "{0} -> html {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true",
        "text/html | true",
        "application/json | false",
        "application/problem+json | false",
        "*/* | false",
        "'' | false",
        "application/json, text/html;q=0.5 | false",
        "not a media type at all;;; | false"
      })
  void choosesHtmlOnlyWhenTheClientPrefersIt(String accept, boolean html) {
    assertThat(ClientPreference.prefersHtml(accept)).isEqualTo(html);
  }
}
