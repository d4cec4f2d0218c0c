package dev.agentos.projections.memory.cassandra;

import java.util.ArrayList;
import java.util.List;

/**
 * One partition of {@code memory_lists} (within a tenant): a scope ({@value #PROJECT} or {@value
 * #CONTEXT}) and its id, narrowed by a type and a tag, where {@value #ANY} means "not narrowed".
 *
 * <p>The rule: a listed memory has a row under every key a list query could ask for, so every query
 * is one partition slice. That is (project, context) × (any, its type) × (any, each tag): {@code 4
 * + 4 × tags} rows per memory, the write cost of serving type, tag and both without {@code ALLOW
 * FILTERING}.
 */
public record ListKey(String scope, String scopeId, String type, String tag) {

  public static final String PROJECT = "project";
  public static final String CONTEXT = "context";
  public static final String ANY = "";

  /** The key a query reads: {@code type} and {@code tag} may be null for "any". */
  public static ListKey of(String scope, String scopeId, String type, String tag) {
    return new ListKey(scope, scopeId, type == null ? ANY : type, tag == null ? ANY : tag);
  }

  /** Every key a memory is listed under. */
  static List<ListKey> keysOf(MemoryRow m) {
    List<ListKey> keys = new ArrayList<>();
    for (String[] scope : new String[][] {{PROJECT, m.projectId()}, {CONTEXT, m.contextId()}}) {
      for (String type : List.of(ANY, m.type())) {
        keys.add(new ListKey(scope[0], scope[1], type, ANY));
        for (String tag : m.tags()) {
          if (tag.isEmpty()) {
            continue; // would read as "any tag"
          }
          keys.add(new ListKey(scope[0], scope[1], type, tag));
        }
      }
    }
    return keys;
  }
}
