package dev.lockbox.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The worker as its own process, for a real Temporal cluster. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WorkerConfiguration.class)
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(WorkerApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.run(args);
  }
}
