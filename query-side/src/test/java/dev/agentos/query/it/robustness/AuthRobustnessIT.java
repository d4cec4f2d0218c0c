package dev.agentos.query.it.robustness;

import static dev.agentos.query.it.robustness.QueryProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.auth.ApiKeys;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API keys as careless and hostile clients send them: the scheme in any case, keys that do not
 * exist (each costing PostgreSQL nothing after the first), keys of every odd shape.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class AuthRobustnessIT {

  private static final String LIST = "/v1/memories?limit=1";

  @Test
  void theBearerSchemeIsCaseInsensitive(RunningQuerySide app) {
    String key = app.newKey("it-auth-" + UUID.randomUUID(), "p", ApiKeyScope.MEMORY_READ);
    QueryClient anonymous = app.as(null);
    for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
      var answer = anonymous.get(LIST, Map.of("Authorization", scheme + " " + key));
      assertThat(answer.status()).as(scheme + ": " + answer).isEqualTo(200);
    }
  }

  @Test
  void anUnknownKeyAsksPostgresOnceNotOnEveryRequest(RunningQuerySide app) {
    JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
    QueryClient madeUp = app.as(ApiKeys.generate());
    long before = awaitSettledLookups(jdbc);
    assertProblem(madeUp.get(LIST), 401);
    long afterFirst = awaitSettledLookups(jdbc);
    assertThat(afterFirst).as("the first request looks the key up").isGreaterThan(before);

    for (int i = 0; i < 20; i++) {
      assertProblem(madeUp.get(LIST), 401);
    }

    assertThat(awaitSettledLookups(jdbc)).isEqualTo(afterFirst);
  }

  @Test
  void oddlyShapedKeysAre401ProblemJson(RunningQuerySide app) {
    QueryClient anonymous = app.as(null);
    for (String authorization :
        List.of(
            "Bearer",
            "Bearer ",
            "Basic dXNlcjpwYXNz",
            "Bearer " + "k".repeat(4000),
            "Bearer aos_ü",
            "Bearer aos_a, Bearer aos_b",
            "Bearerless aos_x")) {
      assertProblem(anonymous.get(LIST, Map.of("Authorization", authorization)), 401);
    }
    assertProblem(anonymous.get(LIST, Map.of("X-API-Key", "   ")), 401);
    assertProblem(anonymous.get(LIST), 401);
  }

  /**
   * How often PostgreSQL has read {@code api_key}, once its statistics (which other sessions see
   * after a short delay) stop changing.
   */
  private static long awaitSettledLookups(JdbcTemplate jdbc) {
    long[] last = {-1};
    await()
        .pollInterval(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              long now = lookups(jdbc);
              boolean settled = now == last[0];
              last[0] = now;
              return settled;
            });
    return last[0];
  }

  private static long lookups(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables"
            + " WHERE relname = 'api_key'",
        Long.class);
  }
}
