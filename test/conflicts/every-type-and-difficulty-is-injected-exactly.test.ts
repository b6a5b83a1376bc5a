import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONFLICT_TYPES, DIFFICULTIES } from '../../lib/conflicts/options.js';
import { ELIGIBLE_TABLE } from '../../lib/conflicts/plan.js';
import type { Row } from '../../lib/model/schema.js';
import { buildDataset, check } from './dataset.js';

const RECORDS = 20_000;
const RATE = 0.03;

/** Which weeks a section row meets in. */
function weeks(s: Row): Set<number> {
  const out = new Set<number>();
  for (let w = s.week_start as number; w <= (s.week_end as number); w++) {
    if (s.week_parity === 'odd' && w % 2 === 0) continue;
    if (s.week_parity === 'even' && w % 2 === 1) continue;
    out.add(w);
  }
  return out;
}

/** The difficulty a conflicting pair of section rows shows, by the README's definitions. */
function pairDifficulty(a: Row, b: Row): string {
  const same = a.start_period === b.start_period && a.end_period === b.end_period && a.week_start === b.week_start && a.week_end === b.week_end && a.week_parity === b.week_parity;
  if (same) return 'simple';
  if (a.week_parity !== 'all' || b.week_parity !== 'all') return 'complex';
  return 'medium';
}

describe('every conflict type at every difficulty is injected at the rate and found exactly by the checker', () => {
  for (const type of CONFLICT_TYPES) {
    for (const difficulty of DIFFICULTIES) {
      it(`${type}, ${difficulty}`, async () => {
        const { plan, tables } = buildDataset(RECORDS, { rate: RATE, types: [type], difficulty });
        const eligible = tables.get(ELIGIBLE_TABLE[type])!.length;
        const s = plan.summary.types.find((t) => t.type === type)!;
        assert.equal(s.eligible, eligible);
        assert.equal(s.conflicts, Math.round(RATE * eligible), 'injected count = rate x eligible rows, rounded');
        const truth = tables.get('conflicts')!;
        assert.equal(truth.filter((r) => !r.is_decoy).length, s.conflicts);
        assert.ok(truth.every((r) => r.type === type && r.difficulty === difficulty));
        if (difficulty === 'complex') assert.ok(s.decoys > 0, 'complex comes with decoys');
        else assert.equal(s.decoys, 0);

        const report = await check(tables);
        assert.deepEqual(report.problems, []);
        for (const t of report.types) {
          const want = t.type === type ? s.conflicts : 0;
          assert.equal(t.expected, want, `${t.type} expected`);
          assert.equal(t.truePositives, want, `${t.type} found`);
          assert.equal(t.missing, 0, `${t.type} missing`);
          assert.equal(t.unexpected, 0, `${t.type} unexpected: ${JSON.stringify(report.unexpected.slice(0, 3))}`);
          assert.equal(t.decoysReported, 0, `${t.type}: no decoy is a real conflict`);
        }
        assert.ok(report.ok);

        // The pairs show the difficulty asked for (a chain's pairs may be medium-like: they are complex by being chained).
        if (type === 'room_double_booking' || type === 'teacher_double_booking' || type === 'student_time_clash') {
          const sections = tables.get('sections')!;
          const groups = new Map<number, number>();
          for (const r of truth) groups.set(r.group_id as number, (groups.get(r.group_id as number) ?? 0) + 1);
          for (const r of truth) {
            if (r.is_decoy) continue;
            const a = sections[(r.section_id as number) - 1]!;
            const b = sections[(r.other_section_id as number) - 1]!;
            const chained = groups.get(r.group_id as number)! > 1;
            if (!chained) assert.equal(pairDifficulty(a, b), difficulty, `conflicts row ${r.id as number}: ${r.detail as string}`);
          }
          if (difficulty === 'complex') assert.ok([...groups.values()].some((n) => n >= 3), 'complex has chains of three sections');
          for (const r of truth.filter((x) => x.is_decoy)) {
            const a = sections[(r.section_id as number) - 1]!;
            const b = sections[(r.other_section_id as number) - 1]!;
            const shared = [...weeks(a)].some((w) => weeks(b).has(w));
            const periods = (a.start_period as number) <= (b.end_period as number) && (b.start_period as number) <= (a.end_period as number);
            assert.ok(a.day_of_week === b.day_of_week && a.semester === b.semester, 'a decoy is a near miss: same day');
            assert.ok(!(shared && periods), 'a decoy does not overlap');
          }
        }
      });
    }
  }
});

describe('all six types together', () => {
  for (const difficulty of DIFFICULTIES) {
    it(`at ${difficulty}, two sizes and two seeds: exactly the labelled conflicts`, async () => {
      for (const [records, seed] of [[20_000, 1], [60_000, 'other']] as const) {
        const { plan, tables } = buildDataset(records, { rate: 0.02, difficulty }, seed);
        const report = await check(tables);
        assert.ok(report.ok, JSON.stringify({ types: report.types, missing: report.missing, unexpected: report.unexpected, problems: report.problems }));
        for (const t of plan.summary.types) {
          assert.equal(report.types.find((r) => r.type === t.type)!.truePositives, t.conflicts);
          assert.ok(t.conflicts > 0);
        }
      }
    });
  }
});
