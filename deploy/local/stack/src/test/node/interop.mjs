// Proves that Confluent's own Node client and serde talk to the AgentOS registry and read and
// write the same bytes as the Java serde. Run by ConfluentNodeInteropIT:
//
//   node interop.mjs <registry url> <topic> <dir>
//
// (a) registers dev.agentos.interop.NodeGreeting under <topic>-dev.agentos.interop.NodeGreeting
//     (the Java side's TopicRecordNameStrategy) and writes a record encoded by Confluent's
//     AvroSerializer to <dir>/node-to-java.bin, for the Java deserializer;
// (b) decodes <dir>/java-to-node.bin, written by the Java serializer, with Confluent's
//     AvroDeserializer.
// Writes what it did to <dir>/node-result.json and exits non-zero on any failure.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AvroDeserializer,
  AvroSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';

const [registryUrl, topic, dir] = process.argv.slice(2);
if (!registryUrl || !topic || !dir) {
  console.error('usage: node interop.mjs <registry url> <topic> <dir>');
  process.exit(2);
}

const NODE_GREETING = {
  type: 'record',
  name: 'NodeGreeting',
  namespace: 'dev.agentos.interop',
  doc: 'A record written by Confluent\'s Node serializer.',
  fields: [
    { name: 'text', type: 'string' },
    { name: 'count', type: 'int' },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

const client = new SchemaRegistryClient({ baseURLs: [registryUrl], maxRetries: 0 });
const subject = `${topic}-${NODE_GREETING.namespace}.${NODE_GREETING.name}`;

// (a) Node writes.
const registeredId = await client.register(subject, {
  schemaType: 'AVRO',
  schema: JSON.stringify(NODE_GREETING),
});
const serializer = new AvroSerializer(client, SerdeType.VALUE, {
  autoRegisterSchemas: false,
  useLatestVersion: true,
  subjectNameStrategy: () => subject,
});
const written = { text: 'hello from node', count: 42, tags: ['a', 'b'], note: 'with a note' };
const bytes = await serializer.serialize(topic, written);
await writeFile(path.join(dir, 'node-to-java.bin'), bytes);

// (b) Node reads what Java wrote, as a consumer configured by default would.
const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
const fromJava = await deserializer.deserialize(
  topic,
  await readFile(path.join(dir, 'java-to-node.bin')),
);

const result = {
  subject,
  registeredId,
  writtenSchemaId: bytes.readInt32BE(1),
  written,
  decodedFromJava: { ...fromJava },
};
await writeFile(path.join(dir, 'node-result.json'), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
