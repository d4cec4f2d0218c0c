package dev.agentos.deploy.local.junit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning jobs the ITs run, when the test JVM names flink-jobs' build folder in {@code
 * agentos.it.flink-jobs.target} (system-tests' pom does): the stack runs them, and a test can run
 * their commands (retraining) on the same classpath.
 */
public final class LearningJobsUnderTest {

  private LearningJobsUnderTest() {}

  /**
   * The learning jobs' classpath as {@code ./agentos} builds it from flink-jobs' target folder: its
   * classes, then what the job needs, then the Flink a cluster would provide (the two classpath
   * files its build writes). Null when the property is not set; a folder named but not built is an
   * error, not a stack quietly without learning jobs.
   */
  public static String classpath() {
    String folder = System.getProperty("agentos.it.flink-jobs.target");
    if (folder == null || folder.isBlank()) {
      return null;
    }
    Path target = Path.of(folder);
    List<String> entries = new ArrayList<>();
    entries.add(target.resolve("classes").toString());
    for (String file : List.of("learning-jobs.classpath", "learning-jobs-flink.classpath")) {
      Path classpath = target.resolve(file);
      if (!Files.isRegularFile(classpath)) {
        throw new IllegalStateException(
            "agentos.it.flink-jobs.target names "
                + target
                + " but it holds no "
                + file
                + ": build flink-jobs in the same reactor");
      }
      try {
        entries.add(Files.readString(classpath).strip());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
