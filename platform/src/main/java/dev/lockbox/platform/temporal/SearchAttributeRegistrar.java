package dev.lockbox.platform.temporal;

import dev.lockbox.workflows.LockboxSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Makes sure the namespace knows Lockbox's search attributes before any workflow runs: a workflow
 * that sets an unregistered attribute fails its workflow task forever.
 */
public class SearchAttributeRegistrar implements InitializingBean {

  /** What registration found for one attribute. */
  public enum Registration {
    ADDED,
    ALREADY_PRESENT
  }

  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private final OperatorServiceStubs operator;
  private final TemporalSettings settings;

  SearchAttributeRegistrar(OperatorServiceStubs operator, TemporalSettings settings) {
    this.operator = operator;
    this.settings = settings;
  }

  @Override
  public void afterPropertiesSet() {
    Map<String, Registration> result = register();
    log.info("Search attributes on namespace '{}': {}", settings.namespace(), result);
  }

  /** Adds each missing Lockbox attribute, one by one so that existing ones never fail the rest. */
  public Map<String, Registration> register() {
    Set<String> existing = existingOrEmpty();
    Map<String, Registration> result = new LinkedHashMap<>();
    for (SearchAttributeKey<?> key : LockboxSearchAttributes.ALL) {
      result.put(
          key.getName(),
          existing.contains(key.getName()) ? Registration.ALREADY_PRESENT : add(key));
    }
    return result;
  }

  private Registration add(SearchAttributeKey<?> key) {
    if (!settings.registerSearchAttributes()) {
      throw new IllegalStateException(notRegistered(key, "registration is turned off"));
    }
    try {
      operator
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(settings.namespace())
                  .putSearchAttributes(key.getName(), key.getValueType())
                  .build());
      return Registration.ADDED;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return Registration.ALREADY_PRESENT;
      }
      throw new IllegalStateException(notRegistered(key, e.getStatus().toString()), e);
    }
  }

  /** The Java test server cannot list attributes; then every add reports what already exists. */
  private Set<String> existingOrEmpty() {
    try {
      Map<String, IndexedValueType> custom =
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder()
                      .setNamespace(settings.namespace())
                      .build())
              .getCustomAttributesMap();
      return custom.keySet();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Set.of();
      }
      throw e;
    }
  }

  private String notRegistered(SearchAttributeKey<?> key, String why) {
    return "Search attribute "
        + key.getName()
        + " is not registered on Temporal namespace '"
        + settings.namespace()
        + "' and Lockbox could not add it ("
        + why
        + "). Register it, e.g. `temporal operator search-attribute create --namespace "
        + settings.namespace()
        + " --name "
        + key.getName()
        + " --type Keyword`, then start again.";
  }
}
