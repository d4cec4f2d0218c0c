package dev.agentos.auth.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Instant;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How both HTTP APIs read JSON: a body means exactly what it says, or it is refused. Unknown
 * fields, anything after the JSON value and a key given twice are refused; a number is never read
 * from a string, a whole number never from a fraction, a text never from a number, an enum never
 * from its position; text with a NUL or half a surrogate pair ({@link TextRules}) and instants an
 * event cannot hold are refused, naming the field ({@link JsonProblems}).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
    return builder -> builder.postConfigurer(StrictJson::configure);
  }

  /** Applies the rules to {@code mapper}: what the customizer does, for mappers built by hand. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.enable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    refuse(
        mapper,
        LogicalType.Integer,
        CoercionInputShape.String,
        CoercionInputShape.EmptyString,
        CoercionInputShape.Float);
    refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString);
    refuse(
        mapper,
        LogicalType.Boolean,
        CoercionInputShape.String,
        CoercionInputShape.EmptyString,
        CoercionInputShape.Integer);
    refuse(
        mapper,
        LogicalType.Textual,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
    mapper.registerModule(
        new SimpleModule("agentos-strict-json")
            .addDeserializer(String.class, new CheckedStringDeserializer())
            .addKeyDeserializer(String.class, CheckedStringDeserializer.KEYS)
            .addDeserializer(JsonNode.class, new CheckedTreeDeserializer())
            .addDeserializer(Instant.class, new EpochMillisInstantDeserializer()));
    return mapper;
  }

  private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }
}
