package dev.agentos.deploy.local.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the streaming learning jobs, and each one's consumer group, from flink-jobs' own classes
 * ({@code LearningJobs.STREAMING}, {@code KafkaJobIo.consumerGroup}), so health and status watch
 * exactly the jobs the runner submits. deploy/local cannot depend on flink-jobs instead:
 * flink-jobs' tests start this stack, and its Flink must not join the launcher's classpath. The
 * classes are loaded beside the launcher's, from the runner's own classpath, and let go again.
 */
final class LearningJobsCatalog {

  static final String JOBS_CLASS = "dev.agentos.flink.LearningJobs";
  static final String KAFKA_IO_CLASS = "dev.agentos.flink.io.KafkaJobIo";

  private LearningJobsCatalog() {}

  static List<LearningJob> read(List<Path> classpath) {
    try (URLClassLoader loader =
        new URLClassLoader(urls(classpath), ClassLoader.getPlatformClassLoader())) {
      List<?> names = (List<?>) loader.loadClass(JOBS_CLASS).getField("STREAMING").get(null);
      Method consumerGroup =
          loader.loadClass(KAFKA_IO_CLASS).getMethod("consumerGroup", String.class);
      return names.stream()
          .map(String.class::cast)
          .map(name -> new LearningJob(name, invoke(consumerGroup, name)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(
          "Cannot read the learning jobs from flink-jobs' classes (" + e + "): rebuild flink-jobs",
          e);
    }
  }

  private static String invoke(Method consumerGroup, String job) {
    try {
      return (String) consumerGroup.invoke(null, job);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("KafkaJobIo.consumerGroup(" + job + ") failed", e);
    }
  }

  private static URL[] urls(List<Path> classpath) throws MalformedURLException {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = classpath.get(i).toUri().toURL();
    }
    return urls;
  }
}
