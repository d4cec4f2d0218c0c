package dev.agentos.projections.replay;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/replay/{readModel}} rebuilds a read model from the first offset; {@code GET}
 * tells how far it has come. Both want an admin key (see {@link AdminKeys}); errors are
 * problem+json.
 */
@RestController
@RequestMapping("/admin/replay")
public class ReplayController {

  private static final String BEARER = "Bearer ";

  private final Replays replays;
  private final AdminKeys adminKeys;

  public ReplayController(Replays replays, AdminKeys adminKeys) {
    this.replays = replays;
    this.adminKeys = adminKeys;
  }

  @PostMapping("/{readModel}")
  ResponseEntity<ReplayProgress> replay(
      @PathVariable String readModel,
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(value = "X-API-Key", required = false) String apiKey) {
    guard(authorization, apiKey);
    ReplayProgress progress = replays.replay(readModel);
    return ResponseEntity.accepted()
        .location(URI.create("/admin/replay/" + readModel))
        .body(progress);
  }

  @GetMapping("/{readModel}")
  ReplayProgress progress(
      @PathVariable String readModel,
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(value = "X-API-Key", required = false) String apiKey) {
    guard(authorization, apiKey);
    return replays.progress(readModel);
  }

  private void guard(String authorization, String apiKey) {
    String key = apiKey;
    if (key == null && authorization != null && authorization.startsWith(BEARER)) {
      key = authorization.substring(BEARER.length()).strip();
    }
    AdminKeys.Refusal refusal = adminKeys.refusal(key);
    if (refusal != null) {
      throw new Refused(refusal);
    }
  }

  /** An admin key that may not replay. */
  static final class Refused extends RuntimeException {
    final AdminKeys.Refusal refusal;

    Refused(AdminKeys.Refusal refusal) {
      super(refusal.reason());
      this.refusal = refusal;
    }
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<ProblemDetail> refused(Refused e) {
    HttpStatus status =
        e.refusal.unauthenticated() ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(e.refusal.unauthenticated() ? "Unauthenticated" : "Forbidden");
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (e.refusal.unauthenticated()) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"agentos\"");
    }
    return response.body(problem);
  }

  @ExceptionHandler(Replays.UnknownReadModel.class)
  ProblemDetail unknown(Replays.UnknownReadModel e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Unknown read model");
    return problem;
  }

  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail failed(IllegalStateException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Replay failed");
    return problem;
  }
}
