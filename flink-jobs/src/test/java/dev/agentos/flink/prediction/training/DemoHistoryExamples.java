package dev.agentos.flink.prediction.training;

import dev.agentos.deploy.local.demo.DemoHistory;
import dev.agentos.events.common.EventHeader;
import dev.agentos.flink.features.Activities;
import dev.agentos.flink.features.Activity;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.flink.prediction.Example;
import dev.agentos.flink.prediction.LabelRequests;
import dev.agentos.flink.prediction.PredictionRequest;
import dev.agentos.flink.prediction.RequestContexts;
import dev.agentos.flink.prediction.Resolution;
import dev.agentos.schemas.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/**
 * The training examples retraining builds from the demo's backfilled history ({@link DemoHistory}),
 * without a stack: each posted event is read into its Avro record as the ingest gateway would (its
 * JSON fields are the record's; the header's tenant, project and agent come from the posting
 * agent's key), mapped to activities by {@link Activities}, described in event-time order by {@link
 * RequestContexts} and labelled by {@link LabelRequests}, the operators {@code TrainingExamples}
 * chains.
 */
final class DemoHistoryExamples {

  static final String TENANT = "demo-tenant";
  private static final String PROJECT = "agentos-demo";
  private static final List<String> AGENTS = List.of("demo-agent-a", "demo-agent-b");

  private static final Map<String, Class<? extends SpecificRecord>> TYPES = new HashMap<>();

  static {
    Stream.concat(
            Topics.INTERACTIONS.eventTypes().stream(), Topics.EXECUTIONS.eventTypes().stream())
        .forEach(type -> TYPES.put(type.getSimpleName(), type));
  }

  private DemoHistoryExamples() {}

  /** The examples of the history ending at {@code end}, in the order they were labelled. */
  static List<Example> of(Instant end) throws Exception {
    List<Activity> activities = new ArrayList<>();
    long offset = 0;
    for (DemoHistory.Posting posting : DemoHistory.ending(end, "test").postings()) {
      Class<? extends SpecificRecord> type = TYPES.get((String) posting.event().get("type"));
      if (type == null) {
        continue; // metrics: no activity
      }
      SpecificRecord record = record(type, posting);
      activities.addAll(Activities.of(record, new SourcePosition("events", 0, offset++)));
    }
    activities.sort(Comparator.comparingLong(Activity::eventTimeMillis));
    return label(describe(activities), activities);
  }

  private static List<PredictionRequest> describe(List<Activity> activities) throws Exception {
    try (var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new RequestContexts(true)),
            RequestContexts::agentKey,
            Types.STRING)) {
      harness.open();
      for (Activity activity : activities) {
        harness.processElement(activity, activity.eventTimeMillis());
      }
      harness.processWatermark(Long.MAX_VALUE);
      return harness.extractOutputValues();
    }
  }

  private static List<Example> label(List<PredictionRequest> requests, List<Activity> activities)
      throws Exception {
    try (var harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new LabelRequests()),
            PredictionRequest::subjectKey,
            Resolution::subjectKey,
            Types.STRING)) {
      harness.open();
      for (PredictionRequest request : requests) {
        harness.processElement1(request, request.requestedAtMillis());
      }
      for (Activity activity : activities) {
        for (Resolution resolution : Resolution.of(activity)) {
          harness.processElement2(resolution, resolution.resolvedAtMillis());
        }
      }
      return harness.extractOutputValues();
    }
  }

  /** The record a posted event becomes: its fields by name, absent ones at their default. */
  private static SpecificRecord record(
      Class<? extends SpecificRecord> type, DemoHistory.Posting posting) throws Exception {
    Map<String, Object> event = posting.event();
    String session = (String) event.get("sessionId");
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(event.get("eventId").toString())
            .setOccurredAt(posting.at())
            .setTenantId(TENANT)
            .setProjectId(PROJECT)
            .setAgentId(AGENTS.get(posting.agent()))
            .setSessionId(session)
            .setSource("http-gateway")
            .build();
    SpecificRecord record = type.getDeclaredConstructor().newInstance();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value =
          field.name().equals("header")
              ? header
              : event.containsKey(field.name())
                  ? value(event.get(field.name()), field.schema())
                  : SpecificData.get().getDefaultValue(field);
      record.put(field.pos(), value);
    }
    return record;
  }

  private static Object value(Object json, Schema schema) throws ReflectiveOperationException {
    if (json == null) {
      return null;
    }
    Schema type =
        schema.getType() == Schema.Type.UNION
            ? schema.getTypes().stream()
                .filter(branch -> branch.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow()
            : schema;
    return switch (type.getType()) {
      case STRING -> json.toString();
      case INT -> ((Number) json).intValue();
      case LONG -> ((Number) json).longValue();
      case FLOAT -> ((Number) json).floatValue();
      case DOUBLE -> ((Number) json).doubleValue();
      case BOOLEAN -> json;
      case ENUM -> enumValue(Class.forName(type.getFullName()), json.toString());
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (Object item : (List<?>) json) {
          list.add(value(item, type.getElementType()));
        }
        yield list;
      }
      case MAP -> {
        Map<String, Object> map = new HashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) json).entrySet()) {
          map.put(entry.getKey().toString(), value(entry.getValue(), type.getValueType()));
        }
        yield map;
      }
      case RECORD -> {
        // The generated class itself: Avro's own lookup refuses classes it was not told to trust.
        SpecificRecord nested =
            (SpecificRecord)
                Class.forName(type.getFullName()).getDeclaredConstructor().newInstance();
        Map<?, ?> fields = (Map<?, ?>) json;
        for (Schema.Field field : type.getFields()) {
          nested.put(
              field.pos(),
              fields.containsKey(field.name())
                  ? value(fields.get(field.name()), field.schema())
                  : SpecificData.get().getDefaultValue(field));
        }
        yield nested;
      }
      default -> throw new IllegalArgumentException("no JSON reading of " + type);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String symbol) {
    return Enum.valueOf((Class) type, symbol);
  }
}
