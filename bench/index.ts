/**
 * `npm run bench`: every benchmark reports a ratio against a baseline measured in the same run, so the
 * numbers compare across machines and loads. Nothing here asserts; read the table.
 */
import { benchFrames } from './frames';
import { benchHistory } from './history';
import { benchRules } from './rules';

const rows: { bench: string; ratio: string; detail: string }[] = [];

const frames = await benchFrames();
rows.push({
  bench: frames.name,
  ratio: `${frames.ratio.toFixed(2)} of raw ws (higher is better)`,
  detail: `${Math.round(frames.socketPerSecond)} frames/s vs ${Math.round(frames.baselinePerSecond)}`,
});
const rules = benchRules();
rows.push({
  bench: rules.name,
  ratio: `${rules.ratio.toFixed(1)}× a string-compare loop (lower is better)`,
  detail: `${Math.round(rules.eventsPerSecond)} events/s`,
});
const history = benchHistory();
rows.push({
  bench: history.name,
  ratio: `${history.appendRatio.toFixed(2)}× bare appendFileSync (lower is better)`,
  detail: `append ${history.appendMs.toFixed(0)} ms, query ${history.queryMs.toFixed(0)} ms`,
});
console.table(rows);
