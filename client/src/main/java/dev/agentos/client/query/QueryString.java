package dev.agentos.client.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A URL's query string, built from the parameters that are set (null ones are left out). */
final class QueryString {

  private final StringBuilder text = new StringBuilder();

  QueryString add(String name, Object value) {
    if (value != null) {
      text.append(text.length() == 0 ? '?' : '&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    }
    return this;
  }

  /** The query string with its {@code ?}, or nothing when no parameter is set. */
  @Override
  public String toString() {
    return text.toString();
  }
}
