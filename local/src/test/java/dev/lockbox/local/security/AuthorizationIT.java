package dev.lockbox.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.local.LockboxHttp;
import dev.lockbox.local.RunningLockbox;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The authorization table over real HTTP: role × endpoint or page × own request / another tenant's
 * / another engineer's → expected status. {@code OWN} is contoso's request by engineer1, {@code
 * OTHER_TENANT} fabrikam's request by engineer1, {@code OTHER_ENGINEER} contoso's request by
 * engineer2. Refused decisions change nothing, so the fixtures serve every row.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIT {

  private RunningLockbox lockbox;
  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, PortalSession> sessions = new HashMap<>();

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox();
    ids.put("OWN", create("engineer1", DemoRequest.BODY));
    ids.put("OTHER_TENANT", create("engineer1", DemoRequest.BODY.replace("contoso", "fabrikam")));
    ids.put("OTHER_ENGINEER", create("engineer2", DemoRequest.BODY));
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @ParameterizedTest(name = "{0} {1} {2} of {3} -> {4}")
  @CsvSource({
    // REST API: reading a request, its history and its audit trail
    "engineer1,      GET,  /api/lockbox-requests/{id},          OWN,            200",
    "engineer1,      GET,  /api/lockbox-requests/{id}/history,  OWN,            200",
    "engineer2,      GET,  /api/lockbox-requests/{id},          OWN,            404",
    "engineer2,      GET,  /api/lockbox-requests/{id}/history,  OWN,            404",
    "engineer2,      GET,  /api/lockbox-requests/{id}/audit,    OWN,            404",
    "contoso-owner,  GET,  /api/lockbox-requests/{id},          OWN,            200",
    "contoso-owner,  GET,  /api/lockbox-requests/{id}/audit,    OWN,            200",
    "contoso-owner,  GET,  /api/lockbox-requests/{id},          OTHER_TENANT,   404",
    "contoso-owner,  GET,  /api/lockbox-requests/{id}/history,  OTHER_TENANT,   404",
    "contoso-owner,  GET,  /api/lockbox-requests/{id},          OTHER_ENGINEER, 200",
    "fabrikam-owner, GET,  /api/lockbox-requests/{id},          OWN,            404",
    "auditor,        GET,  /api/lockbox-requests/{id}/history,  OTHER_TENANT,   200",
    "operator,       GET,  /api/lockbox-requests/{id},          OWN,            404",
    "anonymous,      GET,  /api/lockbox-requests/{id},          OWN,            401",
    // REST API: decisions (refusals only; the allowed ones are in LockboxApiIT)
    "engineer1,      POST, /api/lockbox-requests/{id}/approve,  OWN,            403",
    "auditor,        POST, /api/lockbox-requests/{id}/approve,  OWN,            403",
    "fabrikam-owner, POST, /api/lockbox-requests/{id}/approve,  OWN,            404",
    "contoso-owner,  POST, /api/lockbox-requests/{id}/approve,  OTHER_TENANT,   404",
    "engineer2,      POST, /api/lockbox-requests/{id}/cancel,   OWN,            404",
    "contoso-owner,  POST, /api/lockbox-requests/{id}/cancel,   OWN,            403",
    // audit API and exports
    "auditor,        GET,  /api/audit/events?tenantId=fabrikam, -,              200",
    "contoso-owner,  GET,  /api/audit/events?tenantId=contoso,  -,              200",
    "contoso-owner,  GET,  /api/audit/events?tenantId=fabrikam, -,              403",
    "contoso-owner,  GET,  /api/audit/export?from=2026-01-01&to=2027-01-01&tenantId=fabrikam, -, 403",
    "engineer1,      GET,  /api/audit/events,                   -,              403",
    "engineer1,      GET,  /api/audit/export?from=2026-01-01&to=2027-01-01, -, 403",
    // the built-in access system's check: gateways and auditors only
    "gateway,        GET,  /api/access/check?principal=engineer1&resourceId=vm-web-01, -, 200",
    "auditor,        GET,  /api/access/check?principal=engineer1&resourceId=vm-web-01, -, 200",
    "engineer1,      GET,  /api/access/check?principal=engineer1&resourceId=vm-web-01, -, 403",
    "contoso-owner,  GET,  /api/access/check?principal=engineer1&resourceId=vm-web-01, -, 403",
    "operator,       GET,  /api/access/check?principal=engineer1&resourceId=vm-web-01, -, 403",
    "anonymous,      GET,  /api/access/check?principal=engineer1&resourceId=vm-web-01, -, 401",
    "gateway,        GET,  /api/lockbox-requests/{id},          OWN,            404",
    "gateway,        POST, /api/lockbox-requests/{id}/approve,  OWN,            404",
    // actuator
    "operator,       GET,  /actuator/prometheus,                -,              200",
    "auditor,        GET,  /actuator/prometheus,                -,              403",
    "anonymous,      GET,  /actuator/prometheus,                -,              401",
    "anonymous,      GET,  /actuator/health,                    -,              200",
    // portal pages (signed in through the form)
    "portal:contoso-owner,  GET, /portal/requests/{id},         OWN,            200",
    "portal:contoso-owner,  GET, /portal/requests/{id},         OTHER_TENANT,   404",
    "portal:fabrikam-owner, GET, /portal/requests/{id},         OWN,            404",
    "portal:engineer2,      GET, /portal/requests/{id},         OWN,            404",
    "portal:engineer1,      GET, /portal/requests/{id},         OWN,            200",
    "portal:auditor,        GET, /portal/requests/{id},         OTHER_TENANT,   200",
    "portal:engineer2,      GET, /dev/outbox,                   -,              200"
  })
  void everyRoleGetsExactlyItsAnswer(
      String who, String method, String path, String fixture, int expected) {
    String resolved = fixture.equals("-") ? path : path.replace("{id}", ids.get(fixture));

    int status =
        who.startsWith("portal:") ? portal(who.substring(7), resolved) : api(who, method, resolved);

    assertThat(status).isEqualTo(expected);
  }

  private int api(String who, String method, String path) {
    String user = who.equals("anonymous") ? null : who;
    LockboxHttp.Response response =
        method.equals("GET") ? lockbox.get(user, path) : lockbox.postJson(user, path, "{}");
    return response.status();
  }

  private int portal(String user, String path) {
    return sessions
        .computeIfAbsent(user, u -> PortalSession.signIn(lockbox, u))
        .get(path)
        .statusCode();
  }

  private String create(String engineer, String body) {
    LockboxHttp.Response created = lockbox.postJson(engineer, "/api/lockbox-requests", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }
}
