package dev.lockbox.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every API call answers besides its own codes, added to each operation of the description:
 * {@code 401} and {@code 429} from sign-in (the API's security chain answers them before any
 * controller), {@code 415} for a body that is not JSON, and every error as an RFC 9457 problem
 * ({@code application/problem+json}) rather than the operation's success schema.
 */
final class ProblemResponses implements OpenApiCustomizer {

  static final String SCHEMA = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  private static Schema<?> schema() {
    return new ObjectSchema()
        .description("An RFC 9457 problem document; detail says what to change.")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().example("Decision no longer possible"))
        .addProperty("status", new IntegerSchema().example(409))
        .addProperty(
            "detail", new StringSchema().example("The request is ACCESS_GRANTED: not pending."))
        .addProperty("instance", new StringSchema().example("/api/lockbox-requests/…/deny"))
        .addProperty(
            "currentStatus",
            new StringSchema().description("409 of a decision: the request's status now"))
        .addProperty(
            "errors",
            new ObjectSchema()
                .description("400 of a body: the message of each field that is wrong")
                .additionalProperties(new StringSchema()));
  }

  @Override
  public void customise(OpenAPI openApi) {
    // Here rather than on the OpenAPI bean: springdoc sets the schemas it derives from the code.
    if (openApi.getComponents() == null) {
      openApi.setComponents(new Components());
    }
    openApi.getComponents().addSchemas(SCHEMA, schema());
    if (openApi.getPaths() == null) {
      return;
    }
    openApi.getPaths().values().stream()
        .flatMap(path -> path.readOperations().stream())
        .forEach(ProblemResponses::complete);
  }

  private static void complete(Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    responses.putIfAbsent(
        "401", new ApiResponse().description("Sign-in required: no or wrong credentials."));
    responses.putIfAbsent(
        "429",
        new ApiResponse()
            .description(
                "Too many failed sign-ins from this client or for this account;"
                    + " Retry-After says when to try again."));
    if (operation.getRequestBody() != null) {
      responses.putIfAbsent(
          "415", new ApiResponse().description("The body is not application/json."));
    }
    for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
      if (isError(response.getKey())) {
        response.getValue().setContent(problem());
      } else {
        jsonNotAnything(response.getValue());
      }
    }
  }

  private static boolean isError(String code) {
    return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
  }

  private static Content problem() {
    return new Content()
        .addMediaType(
            PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
  }

  /**
   * An operation that declares no media type answers JSON: say so instead of {@code *}/{@code *}.
   */
  private static void jsonNotAnything(ApiResponse response) {
    Content content = response.getContent();
    if (content != null && content.containsKey("*/*")) {
      MediaType any = content.remove("*/*");
      content.addMediaType("application/json", any);
    }
  }
}
