package dev.lockbox.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DirectoryTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(DirectoryConfiguration.class)
          .withInitializer(
              context -> {
                try {
                  new org.springframework.boot.env.YamlPropertySourceLoader()
                      .load(
                          "demo",
                          new org.springframework.core.io.ClassPathResource(
                              "lockbox-demo-directory.yml"))
                      .forEach(context.getEnvironment().getPropertySources()::addLast);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });

  @Test
  void theDemoDirectoryNamesTheApproversOfEachTenantsSubscription() {
    runner.run(
        context -> {
          Directory directory = context.getBean(Directory.class);
          assertThat(directory.approversOf("contoso", "contoso-prod"))
              .extracting(DirectoryUser::id)
              .containsExactly("contoso-owner");
          assertThat(directory.approversOf("contoso", "fabrikam-prod")).isEmpty();
          assertThat(directory.approversOf("nobody", "contoso-prod")).isEmpty();
        });
  }

  @Test
  void identityFactsComeFromTheDirectory() {
    runner.run(
        context -> {
          Directory directory = context.getBean(Directory.class);
          assertThat(directory.user("engineer2"))
              .get()
              .satisfies(u -> assertThat(u.isolatedIdentity()).isTrue())
              .satisfies(u -> assertThat(u.has(Role.ENGINEER)).isTrue());
          assertThat(directory.user("engineer1"))
              .get()
              .satisfies(u -> assertThat(u.isolatedIdentity()).isFalse());
        });
  }
}
