package dev.agentos.flink.health;

/**
 * Who a project is and how much of it the job keeps (keyed state POJO): the counts bound the maps
 * without iterating them, and {@code clearAt} is when the project, idle, is forgotten.
 */
public class ProjectMarks {

  public String tenantId;
  public String projectId;
  public long clearAt = Long.MIN_VALUE;
  public int testNames;
  public int patterns;
  public int anomalies;

  public ProjectMarks() {}

  static ProjectMarks of(HealthInput input) {
    ProjectMarks marks = new ProjectMarks();
    marks.tenantId = input.tenantId();
    marks.projectId = input.projectId();
    return marks;
  }
}
