package dev.lockbox.activities.notify;

import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectorySettings;
import dev.lockbox.directory.DirectoryTenant;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import dev.lockbox.directory.SupportPlan;
import dev.lockbox.links.ApprovalLinkSigner;
import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** A request, its notices and a small directory for the notification tests. */
final class NoticeFixtures {

  static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
  static final Instant EXPIRES = NOW.plus(Duration.ofDays(4));
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String PORTAL = "http://portal.lockbox.example";

  private NoticeFixtures() {}

  static LockboxRequest request(String justification, String resourceId) {
    return new LockboxRequest(
        "req-1",
        "engineer1",
        "SR-1001",
        "contoso",
        "contoso-prod",
        "VirtualMachine",
        resourceId,
        "RemoteDesktop",
        justification,
        Duration.ofDays(4),
        Duration.ofHours(8),
        null,
        false,
        Duration.ofHours(24),
        Duration.ofHours(24),
        null);
  }

  static LockboxRequest request() {
    return request("Customer reports RDP failures; need to inspect event logs", "vm-web-01");
  }

  static ApprovalNotice approvalNotice(
      LockboxRequest request, NoticeKind kind, List<String> approvers) {
    JitEvaluation jit =
        new JitEvaluation(
            JitOutcome.REQUIRE_CUSTOMER_APPROVAL,
            "customer-data",
            List.of("Remote desktop reaches customer data."));
    return new ApprovalNotice(request, jit, approvers, EXPIRES, kind, null);
  }

  static RequesterNotice approvedNotice() {
    DecisionRecord decision =
        new DecisionRecord(
            DecisionKind.APPROVE, "contoso-owner", Channel.PORTAL, "ok <b>go</b>", NOW);
    return new RequesterNotice(
        request(), NoticeKind.APPROVED, decision, NOW, NOW.plus(Duration.ofHours(8)), null);
  }

  static Directory directory() {
    return new Directory(
        new DirectorySettings(
            List.of(
                new DirectoryTenant(
                    "contoso",
                    "Contoso Ltd",
                    List.of("contoso-prod"),
                    true,
                    SupportPlan.PREMIER,
                    false,
                    List.of())),
            List.of(
                user("engineer1", "Erin Engineer", "engineer1@support.example", Role.ENGINEER),
                approver("contoso-owner", "Casey Owner", "owner@contoso.example"),
                approver("contoso-second", "Sam Second", "second@contoso.example"),
                approver("contoso-nomail", "Nora Nomail", null))));
  }

  static ApprovalLinkSigner signer() {
    return new ApprovalLinkSigner(
        "test-signing-key-with-32-bytes-or-more".getBytes(StandardCharsets.UTF_8), CLOCK);
  }

  private static DirectoryUser user(String id, String name, String email, Role role) {
    return new DirectoryUser(
        id, name, email, null, Set.of(role), List.of(), List.of(), true, false);
  }

  private static DirectoryUser approver(String id, String name, String email) {
    return new DirectoryUser(
        id,
        name,
        email,
        null,
        Set.of(Role.CUSTOMER_APPROVER),
        List.of("contoso"),
        List.of(),
        false,
        false);
  }
}
