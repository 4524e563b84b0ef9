package dev.lockbox.api.logging;

import dev.lockbox.workflows.LockboxNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the workflow a call is about into the log context as {@code WorkflowId}, the key the
 * Temporal SDK uses in the worker's logs, so one filter finds a request's lines in api and worker.
 * Calls on {@code /api/...{id}...} name it in their path; a create names it when it starts one.
 */
@Configuration(proxyBeanMethods = false)
public class WorkflowIdLogContext implements WebMvcConfigurer {

  public static final String WORKFLOW_ID = "WorkflowId";

  /** For code that learns the workflow id itself (e.g. when it starts a workflow). */
  public static void put(String requestId) {
    MDC.put(WORKFLOW_ID, LockboxNames.workflowId(requestId));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new FromPath()).addPathPatterns("/api/**");
  }

  /** Reads the {@code {id}} path variable once MVC has matched the handler. */
  static final class FromPath implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
      if (variables instanceof Map<?, ?> map && map.get("id") instanceof String id) {
        put(id);
      }
      return true;
    }
  }
}
