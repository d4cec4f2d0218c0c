package dev.agentos.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.readmodels.memory.ListFiltersUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTest {

  @Test
  void aListByTypeOrTagDuringARebuildIsATemporary503ThatSaysWhenToAskAgain() {
    ResponseEntity<ProblemDetail> response =
        new ProblemHandler()
            .listFiltersUnavailable(
                new ListFiltersUnavailableException(new IllegalStateException("index missing")));

    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    ProblemDetail problem = response.getBody();
    assertThat(problem).isNotNull();
    assertThat(problem.getStatus()).isEqualTo(503);
    assertThat(problem.getType().toString()).endsWith("/rebuilding");
    assertThat(problem.getDetail()).contains("memory lists by type/tag are being rebuilt");
  }
}
