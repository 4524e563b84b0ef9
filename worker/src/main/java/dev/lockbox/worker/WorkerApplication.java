package dev.lockbox.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The worker as its own process, for a real Temporal cluster. Its small web server only serves the
 * actuator (health for the orchestrator, metrics for Prometheus) on {@code server.port}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WorkerConfiguration.class)
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }
}
