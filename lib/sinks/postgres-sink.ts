import type { Readable, Transform, Writable } from 'node:stream';
import { pipeline as pipe } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { TableSpec } from '../model/schema.js';
import { copyFromSql } from '../run/postgres-ddl.js';
import { copyTextStage } from '../formats/copy-text.js';

/**
 * A Writable of COPY text bytes into one table over one connection
 * (`COPY "t" (cols) FROM STDIN`): backpressure is the socket's, so a server
 * slower than the generator slows the generator instead of filling memory.
 * It finishes once the server has acknowledged the COPY; destroying it sends
 * CopyFail, which aborts the COPY (and its transaction).
 */
export function postgresCopySink(client: pg.Client, spec: TableSpec, schema?: string): Writable & { rowCount: number } {
  return client.query(copyFrom(copyFromSql(spec, schema), { highWaterMark: 1 << 20 }));
}

/**
 * Streams batches of rows (a Readable of Batch, e.g. tableSource, through
 * stages such as relationsStage) into a table with COPY; resolves to the rows the server
 * counted. Does not manage the transaction: the caller does.
 */
export async function copyBatches(
  client: pg.Client,
  spec: TableSpec,
  source: Readable,
  stages: readonly Transform[] = [],
  schema?: string,
): Promise<number> {
  const sink = postgresCopySink(client, spec, schema);
  await pipe([source, ...stages, copyTextStage(spec), sink]);
  return sink.rowCount;
}
