package dev.agentos.command.web;

import dev.agentos.auth.web.RequestBodyLimit;
import dev.agentos.command.CommandSideProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses request bodies over {@code agentos.ingest.max-bytes} with 413 ({@link RequestBodyLimit}).
 */
@Component
public class RequestSizeLimit extends RequestBodyLimit {

  public RequestSizeLimit(CommandSideProperties properties) {
    super(properties.ingest().maxBytes().toBytes());
  }
}
