package dev.agentos.readmodels.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Time;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Creates the memory index from {@code elasticsearch/memories.json} when its alias is missing.
 *
 * <p>Readers and writers only ever use the alias ({@code agentos-memories}); the concrete index
 * carries a version ({@code agentos-memories-v1}), so a mapping change is a new index filled by a
 * replay and an alias switch. A field added to the definition is the exception: it is put on the
 * existing index at start (Elasticsearch allows adding fields), and readers treat documents without
 * it as written before it existed.
 *
 * <p>A rebuild runs without refreshes ({@code refresh_interval: -1}): each refresh of an index
 * being bulk-filled writes a small segment whose HNSW graph the merges then build again, while
 * nobody searches a read model being rebuilt. The definition's interval is put back when the replay
 * has caught up ({@link #resumeRefresh}), and at start-up if a crash left it paused ({@link
 * #resumeRefreshIfPaused}).
 */
public final class IndexSetup {

  public static final String DEFAULT_ALIAS = "agentos-memories";
  public static final String DEFAULT_INDEX = "agentos-memories-v1";
  public static final String DEFINITION = "/elasticsearch/memories.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Elasticsearch's value for "never refresh on a schedule". */
  static final String PAUSED = "-1";

  private final ElasticsearchClient client;

  public IndexSetup(ElasticsearchClient client) {
    this.client = client;
  }

  /**
   * Deletes the indices behind {@code alias} and creates {@code index} behind it again, empty and
   * with its refresh paused: what a replay rebuilds from zero. Searches fail or see part of it in
   * between; the read model is being rebuilt anyway. Reads by id ({@code _mget}) are real-time and
   * see every write.
   */
  public void recreate(String index, String alias) {
    try {
      if (client.indices().existsAlias(a -> a.name(alias)).value()) {
        for (String behind : client.indices().getAlias(a -> a.name(alias)).result().keySet()) {
          client.indices().delete(d -> d.index(behind));
        }
      } else if (client.indices().exists(e -> e.index(index)).value()) {
        client.indices().delete(d -> d.index(index));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ensure(index, alias);
    putRefreshInterval(alias, PAUSED);
  }

  /** Puts back the definition's refresh interval, which {@link #recreate} paused. */
  public void resumeRefresh(String alias) {
    putRefreshInterval(alias, definedRefreshInterval());
  }

  /**
   * Puts back the definition's refresh interval if the index behind {@code alias} has it paused: a
   * process that stopped mid-replay never resumed it, and a rebuild is not worth an index that
   * searches never see again.
   */
  public void resumeRefreshIfPaused(String alias) {
    try {
      if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
        return;
      }
      boolean paused =
          client
              .indices()
              .getSettings(g -> g.index(alias).name("index.refresh_interval"))
              .result()
              .values()
              .stream()
              .anyMatch(
                  settings ->
                      settings.settings() != null
                          && settings.settings().index() != null
                          && settings.settings().index().refreshInterval() != null
                          && PAUSED.equals(settings.settings().index().refreshInterval().time()));
      if (paused) {
        resumeRefresh(alias);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The refresh interval {@code memories.json} sets: what searches are promised. */
  static String definedRefreshInterval() {
    return definition().path("settings").path("refresh_interval").asText("1s");
  }

  /** {@code memories.json}, parsed. */
  private static JsonNode definition() {
    try (InputStream definition = IndexSetup.class.getResourceAsStream(DEFINITION)) {
      return JSON.readTree(definition);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void putRefreshInterval(String alias, String interval) {
    try {
      client
          .indices()
          .putSettings(
              p -> p.index(alias).settings(s -> s.refreshInterval(Time.of(t -> t.time(interval)))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Puts the definition's mapping on the index behind {@code alias}: fields added since it was
   * created (such as {@link MemoryFields#SCOPE_KEY}) are mapped, the others are left as they are.
   * Without this a writer of the new version would be refused by an index of the old one ({@code
   * dynamic: strict}). Documents written before keep lacking the new fields until they are written
   * again or a replay rebuilds the index; readers must not depend on them ({@link ScopeFilters}).
   */
  private void addNewFields(String alias) throws IOException {
    JsonNode mappings = definition().get("mappings");
    client
        .indices()
        .putMapping(p -> p.index(alias).withJson(new StringReader(mappings.toString())));
  }

  /** Whether {@code alias} exists: the projection, the index's one creator, has created it. */
  public boolean exists(String alias) {
    try {
      return client.indices().existsAlias(a -> a.name(alias)).value();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates {@code index} behind {@code alias} unless the alias already exists; if it does, maps
   * the fields the definition added since ({@link #addNewFields}).
   */
  public void ensure(String index, String alias) {
    try {
      if (client.indices().existsAlias(a -> a.name(alias)).value()) {
        addNewFields(alias);
        return;
      }
      try (InputStream definition = IndexSetup.class.getResourceAsStream(DEFINITION)) {
        client.indices().create(c -> c.withJson(definition).index(index).aliases(alias, a -> a));
      }
    } catch (ElasticsearchException e) {
      // Another projection instance created it between our check and our create: that is fine.
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
