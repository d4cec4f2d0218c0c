package dev.agentos.deploy.registry.http;

import com.sun.net.httpserver.HttpServer;
import dev.agentos.deploy.registry.SchemaRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK HTTP server answering the registry's routes. */
public final class RegistryHttpServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private RegistryHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts answering on {@code host:port} (port 0 picks a free one). */
  public static RegistryHttpServer start(String host, int port, SchemaRegistry registry)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
    ExecutorService executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext("/", RegistryRoutes.router(registry));
    server.start();
    return new RegistryHttpServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
