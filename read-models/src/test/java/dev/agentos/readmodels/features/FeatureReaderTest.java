package dev.agentos.readmodels.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.readmodels.metrics.TimeRange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The InfluxQL of feature reads: the entity's scope always a condition, every text quoted. */
class FeatureReaderTest {

  private static final FeatureEntityRef AGENT =
      new FeatureEntityRef("t1", "p1", FeatureEntity.AGENT, "agent/7");

  @Test
  void theLatestVectorPerWindowOfTheEntity() {
    assertThat(FeatureReader.latestStatement(AGENT, null))
        .isEqualTo(
            "SELECT * FROM \"features\" WHERE \"tenant_id\" = 't1' AND \"project_id\" = 'p1'"
                + " AND \"entity_type\" = 'AGENT' AND \"entity_id\" = 't1/p1/agent%252F7'"
                + " GROUP BY \"window\" ORDER BY time DESC LIMIT 1");
    assertThat(FeatureReader.latestStatement(AGENT, "1h"))
        .contains(" AND \"window\" = '1h' GROUP BY \"window\" ");
  }

  @Test
  void aFeaturesSeriesInRange() {
    TimeRange day =
        new TimeRange(Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z"));
    assertThat(FeatureReader.seriesStatement(AGENT, "24h", "tool.error.rate.24h", day, 51))
        .isEqualTo(
            "SELECT \"tool.error.rate.24h\" FROM \"features\" WHERE \"tenant_id\" = 't1'"
                + " AND \"project_id\" = 'p1' AND \"entity_type\" = 'AGENT'"
                + " AND \"entity_id\" = 't1/p1/agent%252F7' AND \"window\" = '24h'"
                + " AND time >= '2026-12-06T00:00:00Z' AND time < '2026-12-07T00:00:00Z'"
                + " ORDER BY time ASC LIMIT 51");
  }

  @Test
  void aHostileFeatureWindowOrIdStaysInsideItsLiteral() {
    FeatureEntityRef hostile =
        new FeatureEntityRef("t1", "p1", FeatureEntity.SESSION, "s' OR entity_id =~ /.*/ --");
    String statement =
        FeatureReader.seriesStatement(
            hostile,
            "1h' OR '1'='1",
            "x\" FROM features --",
            new TimeRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)),
            2);
    assertThat(statement)
        .startsWith("SELECT \"x%22%20FROM%20features%20--\" FROM \"features\" WHERE ")
        .contains("\"entity_id\" = 't1/p1/s\\'%20OR%20entity_id%20%3D~%20%252F.*%252F%20--'")
        .contains("\"window\" = '1h\\'%20OR%20\\'1\\'%3D\\'1'")
        .doesNotContain(" OR ");
  }
}
