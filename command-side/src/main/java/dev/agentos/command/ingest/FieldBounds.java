package dev.agentos.command.ingest;

/**
 * How long a string, and how many items an array or map, a field of a record may hold, asked by the
 * field's place in the schema: {@code <Record>.<field>}, {@code <Record>.<field>[]} for the items
 * of an array, {@code <Record>.<field>{}} for the values of a map.
 */
interface FieldBounds {

  /** No bounds at all. */
  FieldBounds NONE =
      new FieldBounds() {
        @Override
        public int maxLength(String field) {
          return Integer.MAX_VALUE;
        }

        @Override
        public int maxItems(String field) {
          return Integer.MAX_VALUE;
        }

        @Override
        public int maxKeyLength(String field) {
          return Integer.MAX_VALUE;
        }
      };

  /** The most characters of a string at {@code field}. */
  int maxLength(String field);

  /** The most items of an array, or entries of a map, at {@code field}. */
  int maxItems(String field);

  /** The most characters of a key of the map at {@code field}. */
  int maxKeyLength(String field);
}
