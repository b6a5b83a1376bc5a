// The library API: the seed's MegaDataGenerator entry point, and runPipeline
// with a custom stage and progress events.
//   node examples/library-api.mjs [outdir]
import { MegaDataGenerator, definePipeline, runPipeline, presets } from 'megagen';

const outDir = process.argv[2] ?? 'mega_output';

// 1. As in the seed's Python example (camelCase), returning the run summary.
const generator = new MegaDataGenerator({
  targetRecords: 20_000,
  batchSize: 50_000,
  maxMemoryMb: 2048,
  maxWorkers: 8,
  outputDir: outDir,
});
const results = await generator.generateMegaDataset();
console.log(`MegaDataGenerator: ${results.records} records in ${results.tables.length} tables, ${Math.round(results.elapsedMs)} ms`);
for (const t of results.tables) console.log(`  ${t.name}: ${t.rows} rows -> ${t.path}`);
for (const note of results.notes) console.log(`  note: ${note}`);

// 2. A pipeline of your own, with a stage that upper-cases department codes.
const pipeline = definePipeline({
  ...presets.get('timetable'),
  name: 'loud-departments',
  tables: ['departments'],
  stages: [{ name: 'shout', at: 'before:serialize', map: (row) => ({ ...row, name: row.name.toUpperCase() }) }],
});
const chunks = [];
const summary = await runPipeline(pipeline, {
  records: 2000,
  output: '-',
  stdout: { write: (s, cb) => (chunks.push(String(s)), cb?.(), true) },
  onProgress: (e) => e.kind === 'table-end' && console.log(`runPipeline: ${e.table} ${e.rows} rows`),
});
console.log(chunks.join('').split('\n')[0]);
console.log(`runPipeline: ${summary.records} records`);
