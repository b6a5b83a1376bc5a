import type { TableModel, TableSpec } from '../schema.js';
import { SEMESTERS } from '../campus-plan.js';
import { CONFLICT_TYPES, DIFFICULTIES } from '../../conflicts/options.js';
import type { ConflictPlan } from '../../conflicts/plan.js';
import { NUMERIC_FIELDS, PAIR_TYPES, recordDetail, sectionCode } from '../../conflicts/plan-state.js';
import { CODE_TEXTS, PAIR_SEPARATOR } from '../../conflicts/overlap.js';
import { ByteStrings } from '../../formats/byte-strings.js';
import { compileConstant, dataViewCache, writeWhole } from '../../formats/byte-encode.js';
import { jsonString, needsEscape } from '../../formats/json-string.js';
import type { CampusPlan } from '../campus-plan.js';

export const conflictsSpec: TableSpec = {
  name: 'conflicts',
  description:
    'Ground truth of the injected conflicts: one row per conflicting pair (room, teacher, student), per section over capacity, ' +
    'per enrollment lacking its prerequisite, per overloaded teacher; is_decoy rows are near misses that are NOT conflicts.',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'type', type: 'string', enum: [...CONFLICT_TYPES] },
    { name: 'difficulty', type: 'string', enum: [...DIFFICULTIES] },
    { name: 'is_decoy', type: 'bool' },
    { name: 'group_id', type: 'int', min: 1, description: 'id of the first row of its group (a chain of sections is one group)' },
    { name: 'semester', type: 'string', nullable: true, enum: [...SEMESTERS] },
    { name: 'day_of_week', type: 'int', nullable: true, min: 1, max: 7 },
    { name: 'classroom_id', type: 'int', nullable: true, references: 'classrooms' },
    { name: 'teacher_id', type: 'int', nullable: true, references: 'teachers' },
    { name: 'student_id', type: 'int', nullable: true, references: 'students' },
    { name: 'section_id', type: 'int', nullable: true, references: 'sections', description: 'the section, or the lower id of a pair' },
    { name: 'other_section_id', type: 'int', nullable: true, references: 'sections', description: 'the higher id of a pair' },
    { name: 'enrollment_id', type: 'int', nullable: true, references: 'enrollments' },
    { name: 'other_enrollment_id', type: 'int', nullable: true, references: 'enrollments' },
    { name: 'course_id', type: 'int', nullable: true, references: 'courses' },
    { name: 'amount', type: 'int', nullable: true, min: 0, description: 'seats over capacity, or periods over max_weekly_periods' },
    { name: 'detail', type: 'string', description: 'the overlap or the excess, in words' },
  ],
};

const id = (i: number): number | null => (i < 0 ? null : i + 1);

/** The `conflicts` table of a plan: row i is the plan's record i. */
export function conflictsTable(plan: ConflictPlan, cp: CampusPlan): TableModel {
  return {
    spec: conflictsSpec,
    rows: plan.size,
    createGenerator() {
      // Decoded on first use, by the process that writes this table, not by every model built.
      return (i) => {
        const r = plan.record(i);
        return {
          id: i + 1,
          type: r.type,
          difficulty: r.difficulty,
          is_decoy: r.isDecoy,
          group_id: r.group + 1,
          semester: r.semester < 0 ? null : SEMESTERS[r.semester]!,
          day_of_week: r.day === 0 ? null : r.day,
          classroom_id: id(r.classroom),
          teacher_id: id(r.teacher),
          student_id: id(r.student),
          section_id: id(r.section),
          other_section_id: id(r.otherSection),
          enrollment_id: id(r.enrollment),
          other_enrollment_id: id(r.otherEnrollment),
          course_id: id(r.course),
          amount: r.amount,
          detail: recordDetail(r, cp),
        };
      };
    },
    createResolver: () => null,
    createNdjsonWriter(options) {
      // Straight from the plan's record columns: no record objects, no row objects.
      // Row i is record i: in a cluster worker the plan holds only this chunk's records, from d.first.
      const d = plan.heldRecords();
      const first = d.first;
      const F = NUMERIC_FIELDS.length;
      const names = conflictsSpec.columns.map((c) => c.name);
      const keyBytes = names.map((name, k) => Buffer.from(`${k === 0 ? (options.tableField ? `{"_table":${JSON.stringify(conflictsSpec.name)},` : '{') : ','}${JSON.stringify(name)}:`));
      const keys = keyBytes.map(compileConstant);
      const nul = compileConstant(Buffer.from('null'));
      const end = compileConstant(Buffer.from('}\n'));
      const types = new ByteStrings(CONFLICT_TYPES);
      const difficulties = new ByteStrings(DIFFICULTIES);
      const semesters = new ByteStrings(SEMESTERS);
      /** `"string k of s"`: the quotes around a put. */
      const quoted = (s: ByteStrings, v: DataView, buf: Buffer, o: number, k: number): number => {
        buf[o] = 34;
        o = s.put(v, o + 1, k);
        buf[o] = 34;
        return o + 1;
      };
      const bools = new ByteStrings(['false', 'true']);
      const times = new ByteStrings(CODE_TEXTS);
      const separator = compileConstant(Buffer.from(PAIR_SEPARATOR));
      const pairType = Uint8Array.from(CONFLICT_TYPES, (t) => (PAIR_TYPES.has(t) ? 1 : 0));
      const viewOf = dataViewCache();
      const id = (v: DataView, buf: Buffer, o: number, x: number): number => (x < 0 ? nul(v, o) : writeWhole(buf, o, x + 1));
      // A detail as JSON: 6 bytes a UTF-16 unit at worst; a pair's times fit in 80.
      const longest = Math.max(80, plan.longestDetail);
      // Keys, 13 numbers, the quoted enums, a boolean, the detail and its quotes, the end, the last word store's overrun.
      const reserve = keyBytes.reduce((n, k) => n + k.length, 0) + 13 * 20 + types.maxBytes + difficulties.maxBytes + semesters.maxBytes + 6 + 5 + 6 * longest + 2 + 2 + 4;
      const write = (i: number, buf: Buffer, off: number): number => {
        const v = viewOf(buf);
        const a = d.numbers;
        const k = i - first;
        const b = k * F;
        let o = keys[0]!(v, off);
        o = writeWhole(buf, o, i + 1);
        o = quoted(types, v, buf, keys[1]!(v, o), d.types[k]!);
        o = quoted(difficulties, v, buf, keys[2]!(v, o), d.difficulties[k]!);
        o = bools.put(v, keys[3]!(v, o), d.decoys[k]!);
        o = writeWhole(buf, keys[4]!(v, o), a[b]! + 1);
        o = keys[5]!(v, o);
        o = a[b + 1]! < 0 ? nul(v, o) : quoted(semesters, v, buf, o, a[b + 1]! | 0);
        o = keys[6]!(v, o);
        o = a[b + 2] === 0 ? nul(v, o) : writeWhole(buf, o, a[b + 2]!);
        // classroom_id .. course_id: NUMERIC_FIELDS 3..10.
        for (let f = 3; f <= 10; f++) o = id(v, buf, keys[4 + f]!(v, o), a[b + f]!);
        o = keys[15]!(v, o);
        o = Number.isNaN(a[b + 11]!) ? nul(v, o) : writeWhole(buf, o, a[b + 11]!);
        o = keys[16]!(v, o);
        if (pairType[d.types[k]!] === 1) {
          // A pair's detail: its two sections' times, as bytes per time code (detailText in words).
          buf[o] = 34;
          o = times.put(v, o + 1, sectionCode(cp, a[b + 6]!));
          o = separator(v, o);
          o = times.put(v, o, sectionCode(cp, a[b + 7]!));
          buf[o] = 34;
          o++;
        } else {
          const detail = d.details[k]!;
          if (needsEscape(detail)) o += buf.write(jsonString(detail), o, 'utf8');
          else {
            buf[o] = 34;
            o += 1 + buf.write(detail, o + 1, 'utf8');
            buf[o] = 34;
            o++;
          }
        }
        return end(v, o);
      };
      return Object.assign(write, { reserve });
    },
  };
}
