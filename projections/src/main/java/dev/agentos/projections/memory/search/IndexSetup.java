package dev.agentos.projections.memory.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
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
 */
public final class IndexSetup {

  public static final String DEFAULT_ALIAS = "agentos-memories";
  public static final String DEFAULT_INDEX = "agentos-memories-v1";
  static final String DEFINITION = "/elasticsearch/memories.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ElasticsearchClient client;

  public IndexSetup(ElasticsearchClient client) {
    this.client = client;
  }

  /**
   * Deletes the indices behind {@code alias} and creates {@code index} behind it again, empty: what
   * a replay rebuilds from zero. Searches fail in between; the read model is being rebuilt anyway.
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
  }

  /**
   * Puts the definition's mapping on the index behind {@code alias}: fields added since it was
   * created (such as {@link MemoryFields#SCOPE_KEY}) are mapped, the others are left as they are.
   * Without this a writer of the new version would be refused by an index of the old one ({@code
   * dynamic: strict}). Documents written before keep lacking the new fields until they are written
   * again or a replay rebuilds the index; readers must not depend on them ({@link ScopeFilters}).
   */
  private void addNewFields(String alias) throws IOException {
    JsonNode mappings;
    try (InputStream definition = IndexSetup.class.getResourceAsStream(DEFINITION)) {
      mappings = JSON.readTree(definition).get("mappings");
    }
    client
        .indices()
        .putMapping(p -> p.index(alias).withJson(new StringReader(mappings.toString())));
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
