package dev.lockbox.api.portal;

import dev.lockbox.audit.AuditAction;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The short filters of the portal's activity log (Create, Approve, Deny, …): the first word of the
 * audit actions' names, so "Approve" shows both the customer's and the internal approval.
 */
final class ActivityVerb {

  private ActivityVerb() {}

  static List<String> all() {
    Set<String> verbs = new LinkedHashSet<>();
    for (AuditAction action : AuditAction.values()) {
      verbs.add(verbOf(action));
    }
    return List.copyOf(verbs);
  }

  /** The actions a verb stands for; empty when the verb is unknown. */
  static Set<AuditAction> actions(String verb) {
    Set<AuditAction> actions = EnumSet.noneOf(AuditAction.class);
    Arrays.stream(AuditAction.values())
        .filter(a -> verbOf(a).equalsIgnoreCase(verb.strip()))
        .forEach(actions::add);
    return actions;
  }

  static String verbOf(AuditAction action) {
    String label = action.label();
    int space = label.indexOf(' ');
    return (space < 0 ? label : label.substring(0, space))
        .toLowerCase(Locale.ROOT)
        .transform(ActivityVerb::capitalised);
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
