package dev.lockbox.api.requests;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one rule for free text (justification, comment): one line of printable characters, no markup.
 * Refused: every control character (tab, CR and LF included), line and paragraph separators, the
 * bidirectional controls that make {@code …\u202egnp.exe} display as another file name, unpaired
 * surrogates, and markup ({@code <} followed by a letter, {@code /}, {@code !} or {@code ?}). Such
 * text would otherwise reach the auditor's terminal through the CSV, or display differently in the
 * portal than it reads in the history. See {@link TextRule}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextValidator.class)
public @interface PlainText {

  String message() default TextRule.MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
