package dev.lockbox.activities.access;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where access is provisioned ({@code lockbox.access.*}).
 *
 * @param provisioner {@code built-in} (the local modes' grants table, the default) or {@code
 *     webhook} ({@code LOCKBOX_ACCESS_PROVISIONER})
 * @param webhook the signed webhook, when {@code provisioner=webhook}
 * @param reconciler the periodic job that revokes orphaned grants
 */
@ConfigurationProperties("lockbox.access")
public record AccessSettings(
    @DefaultValue("built-in") String provisioner,
    Webhook webhook,
    @DefaultValue Reconciler reconciler) {

  public static final String BUILT_IN = "built-in";
  public static final String WEBHOOK = "webhook";

  public AccessSettings {
    if (!provisioner.equals(BUILT_IN) && !provisioner.equals(WEBHOOK)) {
      throw new IllegalArgumentException(
          "lockbox.access.provisioner must be built-in or webhook, not " + provisioner);
    }
    if (provisioner.equals(WEBHOOK)
        && (webhook == null || webhook.url() == null || blank(webhook.secret()))) {
      throw new IllegalArgumentException(
          "lockbox.access.provisioner=webhook needs lockbox.access.webhook.url and"
              + " lockbox.access.webhook.secret");
    }
  }

  public boolean usesWebhook() {
    return provisioner.equals(WEBHOOK);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * @param enabled whether the worker starts the reconciler ({@code
   *     LOCKBOX_ACCESS_RECONCILER_ENABLED})
   * @param interval how often it runs ({@code LOCKBOX_ACCESS_RECONCILER_INTERVAL})
   */
  public record Reconciler(
      @DefaultValue("true") boolean enabled, @DefaultValue("PT5M") Duration interval) {}

  /**
   * @param url where grant and revoke events are POSTed ({@code LOCKBOX_ACCESS_WEBHOOK_URL})
   * @param secret the shared HMAC-SHA256 key ({@code LOCKBOX_ACCESS_WEBHOOK_SECRET})
   * @param timeout how long one delivery may take before it counts as failed and is retried
   */
  public record Webhook(URI url, String secret, @DefaultValue("PT10S") Duration timeout) {

    /** Never the secret: settings end up in logs and error messages. */
    @Override
    public String toString() {
      return "Webhook[url=" + url + ", timeout=" + timeout + "]";
    }
  }
}
