package nl.datapoints.serving.api;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** How the API's bodies are written: the one place the service's ObjectMapper is configured. */
public final class ApiJson {
  private ApiJson() {}

  /**
   * Configures {@code mapper} for the API and returns it: the area answer by its own writer, and
   * doubles (coordinates, percentages) by Jackson's Schubfach writer, which gives the shortest
   * representation that reads back to the same double, faster than {@code Double.toString}.
   */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("datapoints-api").addSerializer(AreaAnswer.class, new AreaAnswerWriter()));
    mapper.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
    return mapper;
  }
}
