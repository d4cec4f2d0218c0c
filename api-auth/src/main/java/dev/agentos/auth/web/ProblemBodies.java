package dev.agentos.auth.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.auth.ProblemJsonHandler;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem+json bodies for answers given outside Spring MVC (a servlet filter, Tomcat's error
 * reporting, the {@code /error} page), shaped like those {@link
 * dev.agentos.auth.ProblemJsonHandler} gives.
 */
public final class ProblemBodies {

  public static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemBodies() {}

  /** The JSON text of a problem of {@code status}, {@code type} (its URI's last segment). */
  public static String json(int status, String type, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", ProblemJsonHandler.TYPE_BASE + type);
    HttpStatus known = HttpStatus.resolve(status);
    problem.put("title", known == null ? "Error" : known.getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", detail);
    try {
      return JSON.writeValueAsString(problem);
    } catch (IOException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  /** Writes {@link #json} to {@code out}. */
  public static void write(Writer out, int status, String type, String detail) throws IOException {
    out.write(json(status, type, detail));
    out.flush();
  }

  /** What a status means for a request refused before any endpoint saw it. */
  public static String detailFor(int status) {
    return switch (status) {
      case 400 ->
          "the request is malformed: its URL (an encoded '/' or NUL, an invalid escape), its"
              + " headers or its encoding are invalid, or the URL or headers are too large";
      case 404 -> "nothing answers at this path";
      case 405 -> "this path does not answer this method";
      case 408 -> "the request took too long to arrive";
      case 411 -> "this request needs a Content-Length";
      case 413 -> "the request body is larger than the limit";
      case 414 -> "the URL is too long";
      case 431 -> "the request's headers are too large";
      case 501 -> "this method or transfer encoding is not supported";
      default -> {
        HttpStatus known = HttpStatus.resolve(status);
        yield status >= 500
            ? "an internal error occurred"
            : known == null ? "the request was refused" : known.getReasonPhrase();
      }
    };
  }

  /** The type a status gets when nothing more specific is known. */
  public static String typeFor(int status) {
    return switch (status) {
      case 400 -> "malformed";
      case 404 -> "not-found";
      case 413 -> "payload-too-large";
      default -> status >= 500 ? "internal" : "refused";
    };
  }
}
