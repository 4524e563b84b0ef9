package dev.lockbox.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL of the integration tests (.ci/run starts Debian's cluster and creates the
 * role). Each call makes a fresh database, so parallel runs on one machine never share tables; the
 * databases are dropped when the test JVM ends.
 */
final class TestPostgres {

  static final String HOST = env("LOCKBOX_TEST_POSTGRES_HOST", "127.0.0.1:5432");
  static final String USER = env("LOCKBOX_TEST_POSTGRES_USER", "lockbox_it");
  static final String PASSWORD = env("LOCKBOX_TEST_POSTGRES_PASSWORD", "lockbox_it");

  private static final List<String> CREATED = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropAll));
  }

  private TestPostgres() {}

  /** The Spring arguments of a new, empty database. */
  static synchronized List<String> freshDatabase() {
    String name = "lockbox_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name);
    CREATED.add(name);
    return List.of(
        "--spring.datasource.url=" + url(name),
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD);
  }

  static String url(String database) {
    return "jdbc:postgresql://" + HOST + "/" + database;
  }

  /** The server's version, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
  static String version() {
    try (Connection c = admin();
        var rs = c.createStatement().executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  private static void execute(String sql) {
    try (Connection c = admin();
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(url("postgres"), USER, PASSWORD);
  }

  private static IllegalStateException unreachable(SQLException e) {
    return new IllegalStateException(
        "The PostgreSQL integration tests need a server at "
            + HOST
            + " with a role "
            + USER
            + " that may create databases; bash .ci/run starts Debian's PostgreSQL and creates it"
            + " (or set LOCKBOX_TEST_POSTGRES_HOST/_USER/_PASSWORD): "
            + e.getMessage(),
        e);
  }

  private static synchronized void dropAll() {
    for (String name : CREATED) {
      try {
        execute("DROP DATABASE IF EXISTS " + name.toLowerCase(Locale.ROOT) + " WITH (FORCE)");
      } catch (IllegalStateException ignored) {
        // Best effort at exit: a left database is harmless and named lockbox_it_*.
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
