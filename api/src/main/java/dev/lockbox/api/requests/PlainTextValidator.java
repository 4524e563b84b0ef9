package dev.lockbox.api.requests;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}; null is left to {@code @NotBlank} where a field is required. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || TextRule.isPlain(value);
  }
}
