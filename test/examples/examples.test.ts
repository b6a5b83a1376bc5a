import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, megagen, parseLines, repoRoot, sha256, tempDir } from '../api/helpers.js';

const examples = join(repoRoot, 'examples');

/** Runs a bash command line in the repository root. */
function bash(script: string, env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', `set -euo pipefail; ${script}`], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 << 20,
    env: { ...process.env, MEGAGEN: `${process.execPath} ${cliPath}`, ...env },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const has = (cmd: string): boolean => spawnSync('bash', ['-c', `command -v ${cmd}`]).status === 0;

/** The examples each case below runs; a new file in examples/ fails the coverage test until it has a case. */
const COVERED = ['add-column-stage.mjs', 'attendance-table.mjs', 'students-enrollments-stdout.mjs', 'jq-top-majors.sh', 'ndjson-to-psql.mjs', 'load-into-postgres.sh', 'library-api.mjs'];

describe('examples/', () => {
  it('every example has a test case here', () => {
    for (const f of readdirSync(examples)) assert.ok(COVERED.includes(f), `examples/${f} is not run by test/examples/examples.test.ts`);
  });

  it('add-column-stage.mjs adds a scholarship column, the same for batch sizes 1 and 5000', () => {
    const one = megagen(['run', 'examples/add-column-stage.mjs', '-n', '500', '--batch-size', '1', '-o', '-']);
    const many = megagen(['run', 'examples/add-column-stage.mjs', '-n', '500', '--batch-size', '5000', '-o', '-']);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(sha256(one.stdout), sha256(many.stdout));
    const rows = parseLines(one.stdout);
    assert.equal(rows.length, 500);
    const tiers = new Set(rows.map((r) => r.scholarship));
    assert.ok([...tiers].every((t) => ['none', 'need', 'merit', 'full'].includes(t as string)) && tiers.size >= 3, [...tiers].join());
    assert.ok(rows.every((r) => r.scholarship !== 'full' || (r.gpa as number) >= 3.7));
  });

  it('attendance-table.mjs adds 16 attendance rows per enrollment, keyed to it, null in weeks without class', () => {
    const r = megagen(['run', 'examples/attendance-table.mjs', '-n', '2000', '-t', 'sections,enrollments,attendance', '-o', '-']);
    assert.equal(r.status, 0, r.stderr);
    const rows = parseLines(r.stdout);
    const sections = new Map(rows.filter((x) => x._table === 'sections').map((s) => [s.id, s]));
    const enrollments = rows.filter((x) => x._table === 'enrollments');
    const attendance = rows.filter((x) => x._table === 'attendance');
    assert.equal(attendance.length, enrollments.length * 16);
    attendance.forEach((a, i) => {
      const e = enrollments[Math.floor(i / 16)]!;
      assert.equal(a.id, i + 1);
      assert.deepEqual([a.enrollment_id, a.student_id, a.section_id, a.week], [e.id, e.student_id, e.section_id, (i % 16) + 1]);
      const s = sections.get(e.section_id)!;
      const w = a.week as number;
      const meets = w >= (s.week_start as number) && w <= (s.week_end as number) && (s.week_parity === 'all' || (w % 2 === 1) === (s.week_parity === 'odd'));
      assert.equal(a.status !== null, meets, `attendance ${a.id as number}`);
    });
    const alone = megagen(['run', 'examples/attendance-table.mjs', '-n', '2000', '-t', 'attendance', '-b', '7', '-o', '-']);
    assert.deepEqual(parseLines(alone.stdout), attendance.map(({ _table, ...rest }) => rest), 'attendance alone, other batches: same rows');
  });

  it('students-enrollments-stdout.mjs writes only students and enrollments, tagged by _table', () => {
    const r = megagen(['run', 'examples/students-enrollments-stdout.mjs', '-n', '3000', '-o', '-']);
    assert.equal(r.status, 0, r.stderr);
    const tables = new Set(parseLines(r.stdout).map((x) => x._table));
    assert.deepEqual([...tables], ['students', 'enrollments']);
  });

  it('jq-top-majors.sh pipes two tables into jq', { skip: has('jq') ? false : 'jq is not installed (apt-get install -y jq; .ci/run installs it)' }, () => {
    const r = bash('examples/jq-top-majors.sh 5000');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 6, r.stdout);
    for (const l of lines.slice(0, 5)) assert.match(l, /^\s*\d+ [A-Z][A-Za-z ]+$/);
    const means = JSON.parse(lines[5]!) as { semester: string; mean_score: number }[];
    assert.ok(means.length >= 1 && means.every((m) => m.mean_score >= 0 && m.mean_score <= 100));
  });

  it('ndjson-to-psql.mjs turns the NDJSON stream into CREATE TABLE and COPY blocks with every row', () => {
    const r = bash(`$MEGAGEN run campus -n 3000 -o - | node examples/ndjson-to-psql.mjs`);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '\\set ON_ERROR_STOP on');
    assert.equal(lines.at(-2), 'COMMIT;');
    const copies = lines.filter((l) => l.startsWith('COPY '));
    assert.deepEqual(copies.map((l) => /^COPY "(\w+)"/.exec(l)![1]), ['departments', 'teachers', 'students', 'courses', 'classrooms', 'sections', 'enrollments']);
    const summary = megagen(['run', 'campus', '-n', '3000', '-o', tempDir()]);
    const counts = new Map([...summary.stderr.matchAll(/(\w+) ([\d,]+)/g)].map((m) => [m[1]!, Number(m[2]!.replace(/,/g, ''))]));
    let table = '';
    let n = 0;
    for (const l of lines) {
      if (l.startsWith('COPY ')) [table, n] = [/^COPY "(\w+)"/.exec(l)![1]!, 0];
      else if (l === '\\.') assert.equal(n, counts.get(table), `${table} rows`);
      else if (table && !l.startsWith('CREATE') && l !== 'COMMIT;' && l !== '') n++;
    }
    const one = bash(`$MEGAGEN run students -n 5 -o - | node examples/ndjson-to-psql.mjs students`);
    assert.equal(one.stdout.split('\n').filter((l) => /^\d+\t/.test(l)).length, 5, 'one table without _table, named by argument');
  });

  const pg = process.env.MEGAGEN_PG_URL;
  it('load-into-postgres.sh loads the stream into PostgreSQL with psql', { skip: pg && has('psql') ? false : 'MEGAGEN_PG_URL is not set (CI sets it) or psql is missing' }, () => {
    const schema = `megagen_example_${process.pid}`;
    const url = new URL(pg!);
    url.searchParams.set('options', `-csearch_path=${schema}`);
    assert.equal(bash(`psql -q -v ON_ERROR_STOP=1 "${pg}" -c 'CREATE SCHEMA ${schema}'`).status, 0);
    try {
      const r = bash(`examples/load-into-postgres.sh 3000`, { MEGAGEN_PG_URL: url.toString() });
      assert.equal(r.status, 0, r.stderr);
      const counts = Object.fromEntries(r.stdout.trim().split('\n').map((l) => l.split('|')));
      const summary = megagen(['run', 'campus', '-n', '3000', '-o', tempDir()]);
      assert.match(summary.stderr, new RegExp(`students ${Number(counts.students).toLocaleString('en-US')}\\b`));
      assert.match(summary.stderr, new RegExp(`enrollments ${Number(counts.enrollments).toLocaleString('en-US')}\\b`));
    } finally {
      bash(`psql -q "${pg}" -c 'DROP SCHEMA ${schema} CASCADE'`);
    }
  });

  it('library-api.mjs runs MegaDataGenerator and runPipeline with a stage', () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [join(examples, 'library-api.mjs'), dir], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^MegaDataGenerator: \d+ records in 7 tables/m);
    assert.match(r.stdout, /^ {2}enrollments: \d+ rows -> .*enrollments$/m);
    assert.match(r.stdout, /^\{"id":1,"code":"[A-Z]+","name":"[A-Z ]+",/m);
    assert.match(r.stdout, /^runPipeline: departments \d+ rows$/m);
  });
});
