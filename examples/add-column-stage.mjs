// A custom stage that adds a column: every student gets a scholarship tier,
// from their GPA plus a per-row random draw.
//
//   megagen run examples/add-column-stage.mjs --records 1000 -o - | head -3
//
// ctx.rng() is positioned for (seed, stage name, table, row index): the same
// row always draws the same numbers, whatever --batch-size or worker ran it.
import { definePipeline, presets } from 'megagen';

export default definePipeline({
  ...presets.get('students'),
  name: 'students-scholarship',
  description: 'students with a scholarship column added by a custom stage',
  stages: [
    {
      name: 'scholarship',
      at: 'after:relations',
      columns: [{ name: 'scholarship', type: 'string', enum: ['none', 'need', 'merit', 'full'] }],
      map(row, ctx) {
        const rng = ctx.rng();
        let tier = 'none';
        if (row.gpa >= 3.7) tier = rng.chance(0.4) ? 'full' : 'merit';
        else if (row.gpa >= 3.2) tier = rng.chance(0.3) ? 'merit' : 'none';
        else if (rng.chance(0.1)) tier = 'need';
        row.scholarship = tier;
        return row;
      },
    },
  ],
});
