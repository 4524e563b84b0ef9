package dev.lockbox.api.security;

import jakarta.servlet.SessionCookieConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The public address every redirect uses ({@link PublicBaseUrlFilter}), and the session cookie:
 * {@code HttpOnly} and {@code SameSite=Lax} (from {@code server.servlet.session.cookie.*} in the
 * shared defaults), {@code Secure} whenever the public address is {@code https} — behind a
 * TLS-terminating proxy too, where the request itself arrives as plain HTTP. Lax, not Strict: an
 * approver clicking the link in an email, or returning from the identity provider, arrives from
 * another site and must still be signed in.
 */
@Configuration(proxyBeanMethods = false)
class WebHardeningConfiguration {

  @Bean
  FilterRegistrationBean<PublicBaseUrlFilter> publicBaseUrlFilter(
      @Value(
              "${lockbox.public-base-url:${lockbox.notifications.portal-base-url:http://localhost:8080}}")
          String publicBaseUrl) {
    FilterRegistrationBean<PublicBaseUrlFilter> registration =
        new FilterRegistrationBean<>(new PublicBaseUrlFilter(publicBaseUrl));
    // Before Spring Security and everything else that reads the request's address.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  ServletContextInitializer secureSessionCookie(
      FilterRegistrationBean<PublicBaseUrlFilter> publicBaseUrl) {
    return servletContext -> {
      SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
      cookie.setHttpOnly(true);
      if (publicBaseUrl.getFilter().secure()) {
        cookie.setSecure(true);
      }
    };
  }
}
