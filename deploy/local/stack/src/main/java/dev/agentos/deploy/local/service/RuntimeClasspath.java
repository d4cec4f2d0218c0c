package dev.agentos.deploy.local.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The classpath of a server's child JVM. Each server module of deploy/local records its runtime
 * dependencies in {@code agentos-runtime/<name>.classpath} inside its own jar; the module's own
 * classes (its jar or its {@code target/classes}) go first.
 */
public final class RuntimeClasspath {

  private RuntimeClasspath() {}

  public static String of(String runtime) {
    String resource = "agentos-runtime/" + runtime + ".classpath";
    URL url = RuntimeClasspath.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException(
          "No "
              + resource
              + " on the classpath: build deploy/local first (./mvnw -q install -DskipTests)");
    }
    try (InputStream in = url.openStream()) {
      String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      String own = ownLocation(url, resource).toString();
      return dependencies.isEmpty() ? own : own + java.io.File.pathSeparator + dependencies;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + url, e);
    }
  }

  private static Path ownLocation(URL url, String resource) throws IOException {
    try {
      if ("jar".equals(url.getProtocol())) {
        URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
        return Path.of(jar.toURI());
      }
      Path file = Path.of(url.toURI());
      // target/classes/agentos-runtime/x.classpath -> target/classes
      return file.getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IOException("Unexpected location of " + resource + ": " + url, e);
    }
  }
}
