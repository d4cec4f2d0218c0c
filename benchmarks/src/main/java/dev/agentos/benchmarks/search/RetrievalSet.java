package dev.agentos.benchmarks.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled retrieval set in {@code retrieval/}: memories in session order, and questions with
 * the ids of the memories that answer them. Line formats are described at the top of each file.
 */
public record RetrievalSet(List<Memory> memories, List<Question> questions) {

  /** One stored memory; {@code position} is its turn within the session. */
  public record Memory(
      String id,
      String sessionId,
      String projectId,
      int position,
      String type,
      List<String> tags,
      String content) {}

  /** One question and the ids of the memories that answer it. */
  public record Question(String id, Kind kind, Set<String> relevant, String text) {}

  /** keyword: names an exact identifier of its answer; semantic: a paraphrase only. */
  public enum Kind {
    KEYWORD,
    SEMANTIC
  }

  private static final Pattern SESSION = Pattern.compile("== session (\\S+) (\\S+)");
  private static final Pattern MEMORY = Pattern.compile("(\\S+) (\\S+) (\\S+) \\| (.+)");
  private static final Pattern QUESTION =
      Pattern.compile("(\\S+) (keyword|semantic) (\\S+) \\| (.+)");

  public static RetrievalSet load() {
    List<Memory> memories = new ArrayList<>();
    String session = null;
    String project = null;
    int position = 0;
    for (String line : lines("retrieval/memories.txt")) {
      Matcher start = SESSION.matcher(line);
      Matcher memory = MEMORY.matcher(line);
      if (start.matches()) {
        session = start.group(1);
        project = start.group(2);
        position = 0;
      } else if (memory.matches() && session != null) {
        memories.add(
            new Memory(
                memory.group(1),
                session,
                project,
                position++,
                memory.group(2),
                List.of(memory.group(3).split(",")),
                memory.group(4)));
      } else {
        throw new IllegalStateException("retrieval/memories.txt: cannot read line: " + line);
      }
    }
    Set<String> ids = new HashSet<>();
    memories.forEach(m -> ids.add(m.id()));
    List<Question> questions = new ArrayList<>();
    for (String line : lines("retrieval/queries.txt")) {
      Matcher question = QUESTION.matcher(line);
      if (!question.matches()) {
        throw new IllegalStateException("retrieval/queries.txt: cannot read line: " + line);
      }
      Set<String> relevant = Set.copyOf(Arrays.asList(question.group(3).split(",")));
      relevant.stream()
          .filter(id -> !ids.contains(id))
          .findAny()
          .ifPresent(
              id -> {
                throw new IllegalStateException(
                    "question "
                        + question.group(1)
                        + " names memory "
                        + id
                        + ", which is not in the set");
              });
      questions.add(
          new Question(
              question.group(1),
              Kind.valueOf(question.group(2).toUpperCase(java.util.Locale.ROOT)),
              relevant,
              question.group(4)));
    }
    return new RetrievalSet(List.copyOf(memories), List.copyOf(questions));
  }

  /** The memory's text with the turns just before and after it in the same session. */
  public String withNeighbours(Memory memory, int each) {
    return withNeighbours(memory, each, each);
  }

  /** The memory's text with up to {@code before} turns before it and {@code after} after it. */
  public String withNeighbours(Memory memory, int before, int after) {
    StringBuilder text = new StringBuilder();
    for (Memory other : memories) {
      int offset = other.position() - memory.position();
      if (other.sessionId().equals(memory.sessionId()) && offset >= -before && offset <= after) {
        text.append(text.isEmpty() ? "" : "\n").append(other.content());
      }
    }
    return text.toString();
  }

  /** Non-blank lines that are not comments. */
  private static List<String> lines(String resource) {
    try (InputStream in = RetrievalSet.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
