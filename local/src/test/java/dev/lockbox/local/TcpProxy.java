package dev.lockbox.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of the test Temporal: {@link #stop} makes Temporal unreachable for the
 * one Lockbox that connects through it (connections cut, new ones refused) without touching the
 * shared server; {@link #start} brings it back on the same port.
 */
final class TcpProxy implements AutoCloseable {

  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  TcpProxy(String target) {
    this.port = RunningLockbox.freePort();
    this.targetHost = target.substring(0, target.lastIndexOf(':'));
    this.targetPort = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  synchronized void start() {
    try {
      ServerSocket listening = new ServerSocket();
      listening.setReuseAddress(true);
      listening.bind(new InetSocketAddress("127.0.0.1", port));
      server = listening;
      daemon("tcp-proxy-accept", () -> accept(listening));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void stop() {
    closeQuietly(server);
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  @Override
  public void close() {
    stop();
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        if (!register(listening, client, upstream)) {
          return;
        }
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  /**
   * Keeps a new connection unless {@link #stop} ran while it was being accepted (a client that
   * reconnects at once when its connection is cut can race the stop): then it is cut too.
   */
  private synchronized boolean register(ServerSocket listening, Socket client, Socket upstream) {
    if (listening.isClosed()) {
      closeQuietly(client);
      closeQuietly(upstream);
      return false;
    }
    sockets.add(client);
    sockets.add(upstream);
    return true;
  }

  private void pipe(Socket from, Socket to) {
    daemon(
        "tcp-proxy-pipe",
        () -> {
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
          } catch (IOException cut) {
            // The other side went away, or stop() cut the connection.
          } finally {
            closeQuietly(from);
            closeQuietly(to);
          }
        });
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception ignored) {
      // Closing is all that is wanted.
    }
  }
}
