package dev.agentos.command.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class UnsendableRecordHandlerTest {

  private final UnsendableRecordHandler handler = new UnsendableRecordHandler();
  private final ProducerRecord<byte[], byte[]> letter =
      new ProducerRecord<>("agentos.deadletters.v1", new byte[1], new byte[1]);

  @Test
  void canSkipARecordTooLargeToSend() {
    assertThat(
            handler.handleError(context(), letter, new RecordTooLargeException("1.3 MB")).result())
        .isEqualTo(Result.RESUME);
  }

  @Test
  void canSkipARecordThatCannotBeSerialized() {
    assertThat(
            handler
                .handleSerializationError(
                    context(),
                    letter,
                    new SerializationException("no schema"),
                    SerializationExceptionOrigin.VALUE)
                .result())
        .isEqualTo(Result.RESUME);
  }

  @Test
  void cannotSkipAFailureThatIsNotTheRecordsOwn() {
    assertThat(handler.handleError(context(), letter, new TimeoutException("broker away")).result())
        .isEqualTo(Result.FAIL);
  }

  @Test
  void canBeTheStagesHandler() {
    assertThat(
            DeduplicationStage.properties(
                    new DeduplicationSettings("dedup", Duration.ofHours(24)),
                    "b:9092",
                    Path.of("s"))
                .get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(UnsendableRecordHandler.class);
  }

  private static ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "agentos.metrics.raw.v1";
      }

      @Override
      public int partition() {
        return 2;
      }

      @Override
      public long offset() {
        return 41;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "dedup";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 2);
      }

      @Override
      public long timestamp() {
        return 0;
      }

      @Override
      public byte[] sourceRawKey() {
        return null;
      }

      @Override
      public byte[] sourceRawValue() {
        return null;
      }
    };
  }
}
