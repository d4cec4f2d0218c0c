package dev.agentos.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * BACKWARD compatibility of one schema against one earlier version, as the registry will judge it,
 * with each problem restated as the record and field it is about: Avro only gives a JSON pointer
 * such as {@code /fields/10/type/fields/0}, which nobody can read at a glance.
 */
final class BackwardCheck {

  private BackwardCheck() {}

  /** Why consumers on {@code current} could not read data written with {@code earlier}. */
  static List<String> violations(Schema current, Schema earlier) {
    List<String> problems = new ArrayList<>();
    for (String violation : CompatibilityLevel.BACKWARD.violations(current, List.of(earlier))) {
      problems.add(locate(current, violation) + ": " + violation);
    }
    return problems;
  }

  /** "record X field a.b" for the pointer in a violation ("... at /fields/3/type: ..."). */
  static String locate(Schema reader, String violation) {
    int at = violation.indexOf(" at /");
    int end = violation.indexOf(": ", at + 1);
    if (at < 0 || end < 0) {
      return "record " + reader.getFullName();
    }
    String[] steps = violation.substring(at + " at /".length(), end).split("/");
    Schema schema = reader;
    String record = reader.getFullName();
    List<String> path = new ArrayList<>();
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i];
      if (step.equals("fields") && i + 1 < steps.length && schema.getType() == Schema.Type.RECORD) {
        Schema.Field field = schema.getFields().get(Integer.parseInt(steps[++i]));
        record = schema.getFullName();
        path.add(field.name());
        schema = field.schema();
      } else if (step.equals("items") && schema.getType() == Schema.Type.ARRAY) {
        schema = schema.getElementType();
      } else if (step.equals("values") && schema.getType() == Schema.Type.MAP) {
        schema = schema.getValueType();
      } else if (schema.getType() == Schema.Type.UNION && isBranch(step, schema)) {
        schema = schema.getTypes().get(Integer.parseInt(step));
      } else if (!step.equals("type")) {
        break; // a leaf such as "symbols" or "name": the field found so far is the answer
      }
    }
    String field = path.isEmpty() ? "" : " field " + String.join(".", path);
    String inner = record.equals(reader.getFullName()) ? "" : " (in record " + record + ")";
    return "record " + reader.getFullName() + field + inner;
  }

  private static boolean isBranch(String step, Schema union) {
    return step.matches("\\d+") && Integer.parseInt(step) < union.getTypes().size();
  }
}
