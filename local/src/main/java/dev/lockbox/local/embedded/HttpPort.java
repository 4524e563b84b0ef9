package dev.lockbox.local.embedded;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * lockbox.jar's own HTTP port, checked before any Temporal service starts: a taken port would
 * otherwise fail only after the worker had started.
 */
final class HttpPort {

  private HttpPort() {}

  static void requireFree(ConfigurableEnvironment environment) {
    int port = environment.getProperty("server.port", Integer.class, 8080);
    String address = environment.getProperty("server.address");
    try {
      InetAddress host =
          address == null || address.isBlank() ? null : InetAddress.getByName(address);
      Ports.requireFree(
          host, port, "its HTTP server (REST API and portal)", "SERVER_PORT (server.port)");
    } catch (UnknownHostException e) {
      throw new LocalStartupException(
          "server.address is " + address + ", which is not an address of this machine",
          "Fix SERVER_ADDRESS, or unset it to listen on every interface.",
          e);
    }
  }
}
