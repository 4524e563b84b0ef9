package dev.lockbox.api.problems;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether an error should be an HTML page (a browser asked) or {@code application/problem+json}
 * (everyone else: scripts, curl's {@code *}{@code /*}, no Accept header at all). A browser lists
 * {@code text/html} explicitly and JSON at most through a wildcard of lower quality.
 */
public final class ClientPreference {

  private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private ClientPreference() {}

  public static boolean prefersHtml(HttpServletRequest request) {
    return prefersHtml(request.getHeader("Accept"));
  }

  public static boolean prefersHtml(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    double html = quality(types, MediaType.TEXT_HTML);
    double json =
        Math.max(quality(types, PROBLEM_JSON), quality(types, MediaType.APPLICATION_JSON));
    return html > json || (html == json && html > 0 && explicitlyNames(types));
  }

  /** The quality of the most specific listed type that includes this one (0: not acceptable). */
  private static double quality(List<MediaType> types, MediaType wanted) {
    MediaType best = null;
    for (MediaType type : types) {
      if (type.includes(wanted) && (best == null || moreSpecific(type, best))) {
        best = type;
      }
    }
    return best == null ? 0 : best.getQualityValue();
  }

  private static boolean moreSpecific(MediaType a, MediaType b) {
    return specificity(a) > specificity(b);
  }

  private static int specificity(MediaType type) {
    return type.isWildcardType() ? 0 : type.isWildcardSubtype() ? 1 : 2;
  }

  private static boolean explicitlyNames(List<MediaType> types) {
    return types.stream().anyMatch(t -> t.equalsTypeAndSubtype(MediaType.TEXT_HTML))
        && types.stream()
            .noneMatch(
                t ->
                    t.equalsTypeAndSubtype(PROBLEM_JSON)
                        || t.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
  }
}
