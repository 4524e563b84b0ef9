package dev.lockbox.api.requests;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.workflows.model.LockboxStatus;
import java.util.Arrays;

/**
 * The {@code status} parameter of the listings (API and portal): one status, or a 400 naming all.
 */
public final class StatusFilter {

  private StatusFilter() {}

  /** The status of this name; null for no filter. */
  public static LockboxStatus parse(String status) {
    if (status == null) {
      return null;
    }
    try {
      return LockboxStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "Unknown status "
              + status
              + "; use one of "
              + Arrays.toString(LockboxStatus.values())
              + ".");
    }
  }
}
