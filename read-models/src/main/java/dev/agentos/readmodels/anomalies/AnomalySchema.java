package dev.agentos.readmodels.anomalies;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.agentos.readmodels.cassandra.Keyspace;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of the anomalies read model, from {@code anomalies-schema.cql}: {@value #BY_ID} (an
 * anomaly by id), {@value #BY_DAY} (a project's anomalies of one UTC day, newest first, with the
 * metric and severity list indexes) and {@value #DAYS} (the days that have any), created {@code IF
 * NOT EXISTS} (with the keyspace) by the projections at every start. The query side never creates
 * them: it waits until {@link #missing} answers empty, then reads them through {@link
 * AnomalyReader}.
 *
 * <p>Why a partition per project and day rather than per project, as the memory lists have: a
 * project's anomalies come from its metric series, machine-made at the rate samples are recorded,
 * and no one deletes them, so a project's partition would only grow (a series sampled every second
 * flagging one sample in a thousand adds 86 rows a day; a project of a hundred such series 3
 * million a year, far past the hundred thousand rows a Cassandra partition should stay under). A
 * day bounds a partition to one day's anomalies, and newest first is still one clustering order:
 * days newest first ({@value #DAYS}), each day's rows by {@code occurred_at DESC}.
 */
public final class AnomalySchema {

  public static final String BY_ID = "anomalies_by_id";
  public static final String BY_DAY = "anomalies_by_day";
  public static final String DAYS = "anomaly_days";

  static final String RESOURCE = "anomalies-schema.cql";

  private static final Pattern INDEX_NAME =
      Pattern.compile("CREATE CUSTOM INDEX IF NOT EXISTS (\\w+)\\s+ON", Pattern.CASE_INSENSITIVE);

  private final Keyspace keyspace;

  /**
   * @param keyspace the read models' keyspace, which these tables join
   */
  public AnomalySchema(Keyspace keyspace) {
    this.keyspace = keyspace;
  }

  /** A single-node layout: replication factor 1. */
  public static AnomalySchema singleNode(String keyspace) {
    return new AnomalySchema(Keyspace.singleNode(keyspace));
  }

  /** The partition of {@value #BY_DAY} an anomaly that occurred at {@code occurredAt} is in. */
  public static LocalDate dayOf(Instant occurredAt) {
    return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
  }

  public String keyspace() {
    return keyspace.name();
  }

  public void apply(CqlSession session) {
    keyspace.create(session);
    statements().forEach(ddl -> Keyspace.execute(session, ddl));
  }

  /** Empties the tables, keeping them and their indexes: what a replay rebuilds from zero. */
  public void truncate(CqlSession session) {
    for (String table : List.of(BY_ID, BY_DAY, DAYS)) {
      Keyspace.execute(session, "TRUNCATE " + keyspace.name() + "." + table);
    }
  }

  /**
   * The tables and indexes {@code session} does not see yet, all of them when the keyspace is
   * missing: empty once the projections (the layout's one creator) have applied it. The indexes
   * count, as a list filtered by a missing one would fail.
   */
  public List<String> missing(CqlSession session) {
    Set<String> present = new HashSet<>();
    for (Row row : select(session, "SELECT table_name FROM system_schema.tables")) {
      present.add(row.getString("table_name"));
    }
    for (Row row : select(session, "SELECT index_name FROM system_schema.indexes")) {
      present.add(row.getString("index_name"));
    }
    List<String> wanted = new ArrayList<>(List.of(BY_ID, BY_DAY, DAYS));
    wanted.addAll(indexNames());
    return wanted.stream().filter(name -> !present.contains(name)).toList();
  }

  /** The names of the list indexes, in the resource's order. */
  List<String> indexNames() {
    return statements().stream()
        .map(INDEX_NAME::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }

  /** The resource's statements (the tables, then the indexes), with the keyspace filled in. */
  List<String> statements() {
    return keyspace.statements(AnomalySchema.class, RESOURCE);
  }

  private Iterable<Row> select(CqlSession session, String query) {
    return session.execute(
        SimpleStatement.newInstance(query + " WHERE keyspace_name = ?", keyspace.name()));
  }
}
