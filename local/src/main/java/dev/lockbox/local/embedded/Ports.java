package dev.lockbox.local.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks a port before anything is started on it, so a taken port ends start-up at once with the
 * setting to change, instead of a half-started JVM (the in-memory server used to hang on one).
 */
final class Ports {

  private Ports() {}

  /**
   * @param host the address the listener will bind ({@code null}: every interface)
   * @param what what would listen there, for the message
   * @param setting the environment variable and property that choose the port
   */
  static void requireFree(InetAddress host, int port, String what, String setting) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException taken) {
      throw new LocalStartupException(
          "Port "
              + port
              + (host == null ? "" : " on " + host.getHostAddress())
              + " is in use, so Lockbox cannot start "
              + what
              + " there ("
              + taken.getMessage()
              + ")",
          "Stop the program that listens on port "
              + port
              + ", or choose another port with "
              + setting
              + ".",
          taken);
    }
  }

  /** Where every embedded listener binds: this machine only, never another interface. */
  static final String LOOPBACK = "127.0.0.1";

  static InetAddress loopback() {
    try {
      return InetAddress.getByName(LOOPBACK);
    } catch (java.net.UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
