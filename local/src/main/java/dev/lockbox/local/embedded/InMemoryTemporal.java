package dev.lockbox.local.embedded;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The official Java test server in this JVM, in real time (a 4-day timer takes 4 days), listening
 * on 127.0.0.1 only: it has no authentication. {@code TestServer.createPortBoundServer} does the
 * same on every interface, so this builds the gRPC server itself from the same parts.
 */
final class InMemoryTemporal implements AutoCloseable {

  private final TestServicesStarter services;
  private final Server server;

  private InMemoryTemporal(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  static InMemoryTemporal start(int port) {
    // false: never skip time; the timers of real requests run on the wall clock.
    TestServicesStarter services = new TestServicesStarter(false, 0);
    try {
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(new InetSocketAddress(Ports.loopback(), port));
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      return new InMemoryTemporal(services, builder.build().start());
    } catch (IOException | RuntimeException e) {
      services.close();
      throw new LocalStartupException(
          "The in-memory Temporal service cannot listen on " + Ports.LOOPBACK + ":" + port,
          "Choose another port with LOCKBOX_EMBEDDED_TEMPORAL_PORT.",
          e);
    }
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
    server.shutdownNow();
  }
}
