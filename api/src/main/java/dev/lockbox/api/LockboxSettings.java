package dev.lockbox.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The windows a new request gets. They are copied into each request when it starts, so a change
 * only affects new requests.
 *
 * @param approvalWindow how long the customer has to decide ({@code lockbox.approval-window})
 * @param accessWindow default and maximum access duration ({@code lockbox.access-window})
 * @param reminderBeforeExpiry approvers are reminded this long before expiry; no reminder when the
 *     approval window is not longer ({@code lockbox.reminder-before-expiry})
 * @param internalApprovalWindow how long an internal reviewer has to decide
 * @param breakGlassWindow default and maximum duration of emergency (break-glass) access
 * @param minimumAccessDuration the shortest {@code requestedDuration} a request may ask for: an
 *     approver must have time to read what they granted, and an email never shows "0 minutes"
 * @param extensionApprovalWindow how long approvers have to decide an engineer's request for more
 *     access time; never past the access end ({@code lockbox.extension-approval-window})
 */
@ConfigurationProperties("lockbox")
public record LockboxSettings(
    @DefaultValue("P4D") Duration approvalWindow,
    @DefaultValue("PT8H") Duration accessWindow,
    @DefaultValue("PT24H") Duration reminderBeforeExpiry,
    @DefaultValue("PT24H") Duration internalApprovalWindow,
    @DefaultValue("PT1H") Duration breakGlassWindow,
    @DefaultValue("PT5M") Duration minimumAccessDuration,
    @DefaultValue("PT1H") Duration extensionApprovalWindow) {

  /** The reminder offset for a request, or null when the window is too short for one. */
  public Duration reminderFor(Duration window) {
    return window.compareTo(reminderBeforeExpiry) > 0 ? reminderBeforeExpiry : null;
  }
}
