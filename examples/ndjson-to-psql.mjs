// Turns megagen's NDJSON on stdin into a psql script on stdout: CREATE TABLE
// for each table (types from the preset's specs), then COPY ... FROM STDIN
// blocks in PostgreSQL's text format, all in one transaction.
//
//   megagen run campus -n 20000 -o - | node examples/ndjson-to-psql.mjs | psql -v ON_ERROR_STOP=1 "$MEGAGEN_PG_URL"
//
// Lines carry "_table" when several tables share stdout; for one table pass
// its name: megagen run students -n 100 -o - | node examples/ndjson-to-psql.mjs students
// (megagen run --sink postgres://... streams with COPY directly, with keys and resume.)
import { createInterface } from 'node:readline';
import { presets, buildModel, parseRunOptions } from 'megagen';

const SQL_TYPES = { int: 'bigint', float: 'double precision', string: 'text', date: 'date', datetime: 'timestamptz', bool: 'boolean' };
const single = process.argv[2];

const specs = new Map();
for (const p of presets.values()) {
  const model = buildModel(p, parseRunOptions(p, { records: 10_000 }));
  for (const t of model.tables) specs.set(t.spec.name, t.spec);
}

const quote = (name) => `"${name.replace(/"/g, '""')}"`;
function copyText(v) {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const out = process.stdout;
let current = null;
let columns = [];
const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));

await write('\\set ON_ERROR_STOP on\nBEGIN;\n');
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.length === 0) continue;
  const row = JSON.parse(line);
  const table = row._table ?? single;
  if (!table) throw new Error('lines have no "_table": pass the table name as the first argument');
  if (table !== current) {
    if (current !== null) await write('\\.\n');
    const spec = specs.get(table);
    columns = spec ? spec.columns.map((c) => c.name) : Object.keys(row).filter((k) => k !== '_table');
    const defs = spec ? spec.columns.map((c) => `${quote(c.name)} ${SQL_TYPES[c.type]}${c.name === 'id' ? ' PRIMARY KEY' : ''}`) : columns.map((c) => `${quote(c)} text`);
    await write(`CREATE TABLE IF NOT EXISTS ${quote(table)} (${defs.join(', ')});\nCOPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN;\n`);
    current = table;
  }
  const p = write(`${columns.map((c) => copyText(row[c])).join('\t')}\n`);
  if (p) await p;
}
if (current !== null) await write('\\.\n');
await write('COMMIT;\n');
