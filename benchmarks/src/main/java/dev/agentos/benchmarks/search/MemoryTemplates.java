package dev.agentos.benchmarks.search;

import java.util.List;
import java.util.Random;

/**
 * Generated coding-agent memories and questions for the latency benchmark: sentences of the kinds
 * the labelled set holds (errors and fixes, decisions, facts, preferences), filled from word lists
 * with a seeded random, so every run indexes the same 100,000 texts with a realistic vocabulary.
 */
public final class MemoryTemplates {

  static final List<String> TYPES = List.of("ERROR_FIX", "DECISION", "FACT", "PREFERENCE");

  private static final List<String> SERVICES =
      List.of(
          "payments-api",
          "orders-service",
          "web-frontend",
          "search-service",
          "data-pipeline",
          "mobile-app",
          "cli-tool",
          "auth-gateway",
          "notification-worker",
          "inventory-service",
          "reporting-job",
          "billing-ui",
          "recommendation-engine",
          "admin-console",
          "etl-loader");
  private static final List<String> COMPONENTS =
      List.of(
          "the Kafka consumer",
          "the PostgreSQL migration",
          "the Redis cache",
          "the gRPC client",
          "the Celery worker",
          "the React router",
          "the Helm chart",
          "the Terraform module",
          "the Spark job",
          "the Elasticsearch indexer",
          "the webhook handler",
          "the login form",
          "the CSV export",
          "the S3 uploader",
          "the rate limiter",
          "the feature flag client",
          "the JSON serializer",
          "the connection pool",
          "the CI workflow",
          "the Docker image");
  private static final List<String> ERRORS =
      List.of(
          "a NullPointerException",
          "a deadlock (40P01)",
          "OOMKilled restarts",
          "a timeout after 30 s",
          "an SSL handshake failure",
          "duplicate deliveries",
          "a 429 Too Many Requests",
          "ConnectionResetError",
          "a race condition",
          "a memory leak",
          "CrashLoopBackOff",
          "TS2345 type errors",
          "E0502 borrow errors",
          "ImagePullBackOff",
          "a schema mismatch",
          "CommitFailedException",
          "stale cache entries",
          "ClassNotFoundException",
          "slow queries",
          "flaky tests");
  private static final List<String> TRIGGERS =
      List.of(
          "during the nightly batch",
          "under peak traffic",
          "after the last deploy",
          "only on CI",
          "when the replica lagged",
          "after a restart",
          "on large payloads",
          "with more than 1,000 rows",
          "on Windows",
          "in the staging cluster");
  private static final List<String> FIXES =
      List.of(
          "raising the timeout",
          "adding an index",
          "sharing one client per process",
          "ordering the locks by id",
          "deduplicating by event id",
          "setting the heap to 75%",
          "adding a startup probe",
          "batching the writes",
          "pinning the dependency version",
          "adding retries with backoff",
          "moving the work off the main thread",
          "splitting the job into shards",
          "adding a circuit breaker",
          "caching the lookup",
          "validating the input with a schema");
  private static final List<String> DECISIONS =
      List.of(
          "use UUIDv7 keys",
          "store money as integer cents",
          "keep tokens in memory only",
          "deploy on Tuesdays",
          "version the API under /v2",
          "use Flyway for migrations",
          "run the reports as background tasks",
          "sign outgoing webhooks with HMAC",
          "use Iceberg for new tables",
          "squash merge pull requests",
          "cache rates for 10 minutes",
          "page on-call only for user-visible symptoms");
  private static final List<String> PREFERENCES =
      List.of(
          "short answers",
          "table-driven tests",
          "constructor injection",
          "Conventional Commits",
          "two-space indentation",
          "no abbreviations in names",
          "tests that query by role",
          "factory_boy factories",
          "raw SQL for big migrations",
          "Material 3 components");

  private MemoryTemplates() {}

  /** The text of memory {@code n} (same n, same text, every run). */
  public static String memory(long n) {
    Random random = new Random(n * 7919 + 17);
    String service = pick(random, SERVICES);
    return switch (type(n)) {
      case "ERROR_FIX" ->
          String.format(
              "%s in %s of %s %s; fixed by %s (ticket %d).",
              capitalise(pick(random, ERRORS)),
              pick(random, COMPONENTS),
              service,
              pick(random, TRIGGERS),
              pick(random, FIXES),
              1000 + random.nextInt(9000));
      case "DECISION" ->
          String.format(
              "Decided for %s to %s, after %s in %s %s.",
              service,
              pick(random, DECISIONS),
              pick(random, ERRORS),
              pick(random, COMPONENTS),
              pick(random, TRIGGERS));
      case "FACT" ->
          String.format(
              "%s of %s is owned by team %d and is monitored for %s; runbook section %d.",
              capitalise(pick(random, COMPONENTS)),
              service,
              1 + random.nextInt(40),
              pick(random, ERRORS),
              1 + random.nextInt(200));
      default ->
          String.format(
              "In %s the user wants %s and %s, especially around %s.",
              service,
              pick(random, PREFERENCES),
              pick(random, PREFERENCES),
              pick(random, COMPONENTS));
    };
  }

  public static String type(long n) {
    return TYPES.get((int) (n % TYPES.size()));
  }

  /** A question an agent might ask about memories like these (seeded by {@code n}). */
  public static String question(long n) {
    Random random = new Random(n * 104729 + 3);
    return switch ((int) (n % 4)) {
      case 0 ->
          String.format(
              "how did we fix %s in %s of %s",
              pick(random, ERRORS), pick(random, COMPONENTS), pick(random, SERVICES));
      case 1 ->
          String.format(
              "what did we decide about %s for %s after %s",
              pick(random, DECISIONS), pick(random, SERVICES), pick(random, ERRORS));
      case 2 ->
          String.format(
              "why does %s show %s %s",
              pick(random, SERVICES), pick(random, ERRORS), pick(random, TRIGGERS));
      default ->
          String.format(
              "what does the user prefer for %s in %s",
              pick(random, COMPONENTS), pick(random, SERVICES));
    };
  }

  private static String pick(Random random, List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
