package dev.agentos.deploy.registry.store;

import java.util.List;

/** Where the registry's changes are kept: the whole state is the replay of this log. */
public interface RegistryLog extends AutoCloseable {

  /** Every change stored so far, oldest first. */
  List<RegistryEvent> readAll();

  /** Stores {@code event} durably, returning only once it is; throws {@link StoreException}. */
  void append(RegistryEvent event);

  @Override
  default void close() {}
}
