package dev.lockbox.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

  @Test
  void northwindNeedsTwoDistinctApproversAtOneLevel_otherTenantsOneApproval() {
    runner.run(
        context -> {
          Directory directory = context.getBean(Directory.class);
          assertThat(directory.approvalLevelsOf("northwind", "northwind-prod"))
              .singleElement()
              .satisfies(level -> assertThat(level.approvals()).isEqualTo(2))
              .satisfies(
                  level ->
                      assertThat(level.approvers())
                          .extracting(DirectoryUser::id)
                          .containsExactly("northwind-owner", "northwind-security"));
          assertThat(directory.approvalLevelsOf("contoso", "contoso-prod"))
              .singleElement()
              .satisfies(level -> assertThat(level.approvals()).isEqualTo(1));
          assertThat(directory.approvalLevelsOf("northwind", "contoso-prod")).isEmpty();
        });
  }

  @Test
  void aLevelThatNamesItsApproversTakesOnlyThoseOfTheTenantsApprovers() {
    DirectoryUser owner =
        new DirectoryUser(
            "o",
            "O",
            "o@x",
            null,
            java.util.Set.of(Role.CUSTOMER_APPROVER),
            List.of("t"),
            List.of(),
            false,
            false);
    DirectoryUser security =
        new DirectoryUser(
            "s",
            "S",
            "s@x",
            null,
            java.util.Set.of(Role.CUSTOMER_APPROVER),
            List.of("t"),
            List.of(),
            false,
            false);
    DirectoryTenant tenant =
        new DirectoryTenant(
            "t",
            "T",
            List.of("t-prod"),
            true,
            SupportPlan.PREMIER,
            false,
            List.of(
                new ApprovalLevelSetting(1, List.of("s", "stranger")),
                new ApprovalLevelSetting(1, List.of())));
    Directory directory =
        new Directory(new DirectorySettings(List.of(tenant), List.of(owner, security)));

    assertThat(directory.approvalLevelsOf("t", "t-prod"))
        .extracting(level -> level.approvers().stream().map(DirectoryUser::id).toList())
        .containsExactly(List.of("s"), List.of("o", "s"));
  }
}
