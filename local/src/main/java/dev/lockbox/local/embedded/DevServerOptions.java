package dev.lockbox.local.embedded;

import dev.lockbox.workflows.LockboxSearchAttributes;
import io.temporal.common.SearchAttributeKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code temporal server start-dev} as Lockbox runs it: on 127.0.0.1 only, with Lockbox's
 * search attributes, and with every outbound call turned off (no version check, no Web UI news).
 *
 * @param cli the Temporal CLI
 * @param port the frontend's gRPC port
 * @param uiPort the Web UI's port; 0: no Web UI
 * @param database the SQLite file; null: in memory (tests)
 * @param namespaces namespaces to create besides {@code default}
 * @param log where the server's own output goes (appended)
 * @param pidFile where the server's process id is written
 * @param startupTimeout how long it may take to answer
 */
public record DevServerOptions(
    Path cli,
    int port,
    int uiPort,
    Path database,
    List<String> namespaces,
    Path log,
    Path pidFile,
    Duration startupTimeout) {

  public DevServerOptions {
    namespaces = List.copyOf(namespaces);
  }

  /** The command line; the dev server picks free ports for its HTTP API and metrics itself. */
  List<String> command() {
    List<String> command = new ArrayList<>(List.of(cli.toString(), "server", "start-dev"));
    command.addAll(List.of("--ip", Ports.LOOPBACK, "--port", Integer.toString(port)));
    if (uiPort == 0) {
      command.add("--headless");
    } else {
      command.addAll(List.of("--ui-ip", Ports.LOOPBACK, "--ui-port", Integer.toString(uiPort)));
      command.add("--ui-disable-news-fetch");
    }
    if (database != null) {
      command.addAll(List.of("--db-filename", database.toString()));
    }
    namespaces.forEach(namespace -> command.addAll(List.of("--namespace", namespace)));
    for (SearchAttributeKey<?> key : LockboxSearchAttributes.ALL) {
      command.addAll(List.of("--search-attribute", key.getName() + "=" + cliType(key)));
    }
    command.addAll(List.of("--dynamic-config-value", "frontend.enableServerVersionCheck=false"));
    command.addAll(List.of("--log-level", "warn"));
    return command;
  }

  /** The address Lockbox's client connects to. */
  public String address() {
    return Ports.LOOPBACK + ":" + port;
  }

  /** The Web UI's list of workflows of a namespace, or null without a Web UI. */
  public String webUi(String namespace) {
    return uiPort == 0
        ? null
        : "http://" + Ports.LOOPBACK + ":" + uiPort + "/namespaces/" + namespace + "/workflows";
  }

  /** The temporal CLI's name for a type: INDEXED_VALUE_TYPE_KEYWORD_LIST -> KeywordList. */
  public static String cliType(SearchAttributeKey<?> key) {
    String[] words = key.getValueType().name().replace("INDEXED_VALUE_TYPE_", "").split("_");
    StringBuilder type = new StringBuilder();
    for (String word : words) {
      type.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return type.toString();
  }
}
