package dev.agentos.readmodels.memory;

import java.util.List;

/**
 * What a list reads (within a tenant): the {@code memories_by_scope} partition of a scope ({@value
 * #PROJECT} or {@value #CONTEXT}) and its id, narrowed by a type and a tag, each null for "any".
 *
 * <p>Only the scope is a partition: a listed memory has one row per scope, so two rows, whatever
 * its tags. The type and tag are searched within the partition through storage-attached indexes
 * (ADR 0005), which keeps every list a read of one partition without {@code ALLOW FILTERING} while
 * a memory costs two list rows instead of the {@code 4 + 4 × tags} a partition per filter took.
 */
public record ListKey(String scope, String scopeId, String type, String tag) {

  public static final String PROJECT = "project";
  public static final String CONTEXT = "context";

  public ListKey {
    // "" would not mean "any" to the index but "tagged with the empty string": no such rows.
    type = type == null || type.isEmpty() ? null : type;
    tag = tag == null || tag.isEmpty() ? null : tag;
  }

  /** The key a query reads: {@code type} and {@code tag} may be null for "any". */
  public static ListKey of(String scope, String scopeId, String type, String tag) {
    return new ListKey(scope, scopeId, type, tag);
  }

  /** The partitions a memory is listed in: its project's and its context's, unfiltered. */
  public static List<ListKey> scopesOf(MemoryRow m) {
    return List.of(
        new ListKey(PROJECT, m.projectId(), null, null),
        new ListKey(CONTEXT, m.contextId(), null, null));
  }
}
