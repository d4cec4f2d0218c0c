package dev.agentos.deploy.registry;

/** Avro schemas the tests register: versions of one record and a stranger. */
final class Schemas {

  private Schemas() {}

  static final String USER_V1 =
      """
      {"type":"record","name":"User","namespace":"test","fields":[
        {"name":"name","type":"string"}]}""";

  /** V1 plus a field with a default: BACKWARD compatible. */
  static final String USER_V2 =
      """
      {"type":"record","name":"User","namespace":"test","fields":[
        {"name":"name","type":"string"},
        {"name":"age","type":"int","default":0}]}""";

  /** V1 plus a field without a default: not BACKWARD compatible. */
  static final String USER_NO_DEFAULT =
      """
      {"type":"record","name":"User","namespace":"test","fields":[
        {"name":"name","type":"string"},
        {"name":"email","type":"string"}]}""";

  static final String ORDER =
      """
      {"type":"record","name":"Order","namespace":"test","fields":[
        {"name":"id","type":"long"}]}""";
}
