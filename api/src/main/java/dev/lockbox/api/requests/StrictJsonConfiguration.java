package dev.lockbox.api.requests;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies mean what they say: a number, a boolean, an array or an object where the API takes
 * text is a 400, never quietly turned into the string {@code "0"} (Jackson would), and text where
 * it takes a boolean is refused too. Unknown fields are refused by the shared defaults.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

  @Bean
  JsonMapperBuilderCustomizer strictScalars() {
    return builder ->
        builder
            .withCoercionConfig(
                LogicalType.Textual,
                config -> {
                  config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                })
            .withCoercionConfig(
                LogicalType.Boolean,
                config -> {
                  config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
  }
}
