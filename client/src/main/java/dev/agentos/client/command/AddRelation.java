package dev.agentos.client.command;

/**
 * {@code POST /v1/memories/{id}/relations} (MEMORY_WRITE): a typed relation to another active
 * memory of the tenant.
 *
 * @param strength 0 to 1; null: 1
 */
public record AddRelation(String toMemoryId, RelationType relationType, Float strength) {

  public static AddRelation of(String toMemoryId, RelationType relationType) {
    return new AddRelation(toMemoryId, relationType, null);
  }
}
