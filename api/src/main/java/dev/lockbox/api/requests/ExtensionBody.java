package dev.lockbox.api.requests;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of a request for more access time.
 *
 * @param duration ISO-8601 (e.g. {@code PT2H}); at least {@code lockbox.minimum-access-duration};
 *     all extensions of a request together at most the policy's {@code extension-cap-per-request}
 */
public record ExtensionBody(
    @Schema(description = "How much longer access should last (ISO-8601).", example = "PT2H")
        @NotBlank
        @Size(max = 32)
        String duration,
    @Schema(
            description = "Why more time is needed (plain text, one line).",
            example = "the log export is still running")
        @NotBlank
        @Size(min = 10, max = 2000)
        @PlainText
        String reason) {}
