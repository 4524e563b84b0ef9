package dev.lockbox.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every absolute address Lockbox builds from a request (sign-in redirects, the return to a saved
 * page, OIDC's {@code redirect_uri}) starts with {@code lockbox.public-base-url}, never with the
 * request's {@code Host} header: the request is shown to everything behind this filter as if it had
 * arrived at the public address. A forged {@code Host} cannot send a victim elsewhere.
 */
final class PublicBaseUrlFilter extends OncePerRequestFilter {

  private final String scheme;
  private final String host;
  private final int port;

  PublicBaseUrlFilter(String publicBaseUrl) {
    URI base = URI.create(publicBaseUrl);
    if (base.getScheme() == null || base.getHost() == null) {
      throw new IllegalArgumentException(
          "lockbox.public-base-url must be an absolute http(s) address: " + publicBaseUrl);
    }
    this.scheme = base.getScheme().toLowerCase(Locale.ROOT);
    this.host = base.getHost();
    this.port = base.getPort() != -1 ? base.getPort() : scheme.equals("https") ? 443 : 80;
  }

  boolean secure() {
    return scheme.equals("https");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new AtPublicAddress(request), response);
  }

  private final class AtPublicAddress extends HttpServletRequestWrapper {

    AtPublicAddress(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getScheme() {
      return scheme;
    }

    @Override
    public String getServerName() {
      return host;
    }

    @Override
    public int getServerPort() {
      return port;
    }

    @Override
    public boolean isSecure() {
      return secure() || super.isSecure();
    }

    @Override
    public StringBuffer getRequestURL() {
      boolean defaultPort = port == (secure() ? 443 : 80);
      StringBuffer url = new StringBuffer(scheme).append("://").append(host);
      if (!defaultPort) {
        url.append(':').append(port);
      }
      return url.append(getRequestURI());
    }

    @Override
    public String getHeader(String name) {
      return name.equalsIgnoreCase("Host") ? hostHeader() : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return name.equalsIgnoreCase("Host")
          ? Collections.enumeration(java.util.List.of(hostHeader()))
          : super.getHeaders(name);
    }

    private String hostHeader() {
      return port == (secure() ? 443 : 80) ? host : host + ":" + port;
    }
  }
}
