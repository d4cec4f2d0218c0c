package dev.agentos.deploy.registry;

/** A version in a path: a number from 1, or {@code latest} (also written {@code -1}). */
record VersionId(int number) {

  static final VersionId LATEST = new VersionId(-1);

  static VersionId parse(String text) {
    if (text.equals("latest") || text.equals("-1")) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(text);
      if (number >= 1) {
        return new VersionId(number);
      }
    } catch (NumberFormatException e) {
      // refused below, as Confluent does
    }
    throw RegistryErrors.invalidVersion(text);
  }

  boolean isLatest() {
    return number == -1;
  }
}
