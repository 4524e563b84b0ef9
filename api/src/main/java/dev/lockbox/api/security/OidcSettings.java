package dev.lockbox.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Production identities ({@code lockbox.security.oidc.*}); off while neither {@code issuer-uri} nor
 * {@code jwk-set-uri} is set.
 *
 * @param issuerUri the identity provider's issuer; tokens must name it in {@code iss}
 * @param jwkSetUri where its signing keys are (default: discovered from the issuer)
 * @param audience the value {@code aud} must contain: tokens made for another API are refused
 * @param claims which claims say who the caller is and what they may do
 */
@ConfigurationProperties("lockbox.security.oidc")
public record OidcSettings(
    String issuerUri, String jwkSetUri, String audience, @DefaultValue Claims claims) {

  /**
   * The claim mapping. Roles are Lockbox's role names ({@code ENGINEER}, {@code CUSTOMER_APPROVER},
   * …, case and {@code -}/{@code _} ignored); list claims may also be one string separated by
   * spaces or commas.
   *
   * @param userId the user id, as the directory and the workflow's approver list know it
   * @param mfa a list claim that holds {@code mfaValue} (like OIDC's {@code amr}), or a boolean
   * @param isolatedIdentity a boolean claim
   */
  public record Claims(
      @DefaultValue("preferred_username") String userId,
      @DefaultValue("name") String name,
      @DefaultValue("email") String email,
      @DefaultValue("lockbox_roles") String roles,
      @DefaultValue("lockbox_tenants") String approverOf,
      @DefaultValue("lockbox_internal_roles") String internalRoles,
      @DefaultValue("amr") String mfa,
      @DefaultValue("mfa") String mfaValue,
      @DefaultValue("lockbox_isolated_identity") String isolatedIdentity) {}
}
