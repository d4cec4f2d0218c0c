package dev.agentos.command.dedup;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the dedup stage cannot send because of the record itself (too large for the broker, not
 * serializable, refused as invalid) is logged, naming the raw record it came from, and skipped: no
 * retry can send it, and failing would stop the stream thread on the same raw record after every
 * restart, so that no event of any tenant would pass the stage again. Dead letters are cut to
 * bounds well under the record limit ({@code DeadLetterCopy}), so this is the last guard, not the
 * usual path. Any other failure (a broker away, a fenced producer) still fails the thread.
 */
public class UnsendableRecordHandler implements ProductionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(UnsendableRecordHandler.class);

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RecordTooLargeException
        || exception instanceof RecordBatchTooLargeException
        || exception instanceof InvalidRecordException) {
      skip(context, record, exception);
      return Response.resume();
    }
    return Response.fail();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    skip(context, record, exception);
    return Response.resume();
  }

  private static void skip(
      ErrorHandlerContext context, ProducerRecord<?, ?> record, Exception exception) {
    LOG.error(
        "dedup stage skipped its output to {} for raw record {}/{}@{}: cannot send it: {}",
        record.topic(),
        context.topic(),
        context.partition(),
        context.offset(),
        exception.toString());
  }
}
