package dev.agentos.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.readmodels.search.IndexSetup;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A rebuild's index on the real Elasticsearch: refresh paused, then resumed. */
@ExtendWith(LocalStackExtension.class)
class IndexSetupIT {

  @Test
  void aRecreatedIndexIsEmptyWithItsRefreshPausedUntilResumed(StackEndpoints stack)
      throws IOException {
    try (TestIndex test = new TestIndex(stack, "it-setup")) {
      IndexSetup setup = new IndexSetup(test.client);
      assertThat(refreshInterval(test)).isEqualTo("250ms");
      test.client.index(i -> i.index(test.alias).id("m1").document(Map.of("memory_id", "m1")));

      setup.recreate(test.index, test.alias);

      assertThat(refreshInterval(test)).isEqualTo("-1");
      assertThat(test.client.exists(e -> e.index(test.alias).id("m1")).value()).isFalse();
      setup.resumeRefresh(test.alias);
      assertThat(refreshInterval(test)).isEqualTo("250ms");
    }
  }

  @Test
  void startUpResumesARefreshThatAStoppedReplayLeftPaused(StackEndpoints stack) throws IOException {
    try (TestIndex test = new TestIndex(stack, "it-setup")) {
      IndexSetup setup = new IndexSetup(test.client);
      setup.recreate(test.index, test.alias);

      setup.resumeRefreshIfPaused(test.alias);

      assertThat(refreshInterval(test)).isEqualTo("250ms");
    }
  }

  @Test
  void startUpLeavesAnIntervalThatIsNotPaused(StackEndpoints stack) throws IOException {
    try (TestIndex test = new TestIndex(stack, "it-setup")) {
      test.client
          .indices()
          .putSettings(
              p -> p.index(test.alias).settings(s -> s.refreshInterval(t -> t.time("2s"))));

      new IndexSetup(test.client).resumeRefreshIfPaused(test.alias);
      new IndexSetup(test.client).resumeRefreshIfPaused(test.alias + "-missing");

      assertThat(refreshInterval(test)).isEqualTo("2s");
    }
  }

  private static String refreshInterval(TestIndex test) throws IOException {
    return test.client
        .indices()
        .getSettings(g -> g.index(test.index).name("index.refresh_interval"))
        .get(test.index)
        .settings()
        .index()
        .refreshInterval()
        .time();
  }
}
