package dev.agentos.benchmarks;

import dev.agentos.benchmarks.search.VectorIndexBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./agentos bench vectors}: its options are many, so it has a file of its own. */
@Command(
    name = "vectors",
    description =
        "Elasticsearch's cost per memory document for each way of indexing its vector (the"
            + " replay ceiling), and the recall of production's kNN on the cheaper graphs.")
final class VectorsCommand implements Callable<Integer> {
  @ParentCommand BenchMain bench;

  @Option(
      names = "--source",
      defaultValue = "agentos-memories",
      description =
          "Index or alias whose documents the ceiling loads, read only (default:"
              + " ${DEFAULT-VALUE}).")
  String source;

  @Option(
      names = "--documents",
      defaultValue = "50000",
      description = "Documents per ceiling row, 0 to skip the ceiling (default: ${DEFAULT-VALUE}).")
  int documents;

  @Option(
      names = "--corpus",
      defaultValue = "50000",
      description =
          "Real-text memories embedded for the recall rows, 0 to skip recall (default:"
              + " ${DEFAULT-VALUE}).")
  int corpus;

  @Option(
      names = "--queries",
      defaultValue = "200",
      description = "Queries for recall and kNN latency (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--clients",
      defaultValue = "2",
      description = "Bulk client threads (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--bulk",
      defaultValue = "64",
      description = "Documents per _bulk, memory-search's batch size (default: ${DEFAULT-VALUE}).")
  int bulk;

  @Option(
      names = "--rounds",
      defaultValue = "1",
      description =
          "Times the ceiling loads each variant, in turn, on a noisy machine (default:"
              + " ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--variants",
      split = ",",
      defaultValue =
          "today,ef100,ef50,m8-ef50,int4,bbq,ef50-rescore2,ef50-rescore,int8-flat,not-indexed,no-vector",
      description = "Mappings of the vector to measure, in order (default: ${DEFAULT-VALUE}).")
  List<String> variants;

  @Option(
      names = "--vector-cache",
      defaultValue = "${java.io.tmpdir}/agentos-bench-vectors.bin",
      description =
          "Where the recall corpus's vectors are kept between runs (default: ${DEFAULT-VALUE}).")
  Path vectorCache;

  @Override
  public Integer call() throws Exception {
    new VectorIndexBenchmark(
            bench.home,
            System.out,
            source,
            documents,
            corpus,
            queries,
            clients,
            bulk,
            rounds,
            variants,
            vectorCache)
        .run();
    return 0;
  }
}
