package dev.lockbox.api.requests;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a question and of its answer: one line of plain text. */
public record TextBody(
    @Schema(
            description = "The question, or the answer (plain text, one line).",
            example = "Which event log do you need, and for which hours?")
        @NotBlank
        @Size(max = 2000)
        @PlainText
        String text) {}
