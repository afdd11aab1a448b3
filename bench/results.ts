// bench/RESULTS.md: one section per run, appended; each carries a machine-readable line so later runs can
// compare memory across corpus sizes.
import { existsSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { RecordedRun } from './targets.ts';

const MARK = '<!-- bench-run ';

const RecordedRunSchema = z.object({
  date: z.string(),
  machine: z.object({ cpuCount: z.number(), cpuModel: z.string(), memoryGb: z.number(), node: z.string() }),
  n: z.number(),
  files: z.number(),
  peakRssMb: z.number(),
});

const HEADER = `# Benchmark results

Appended by \`npm run bench -- --n N\` (see docs/readme/bench.md). Each section is one run: all
measurements of a run are taken on the same generated files, one after another, on the machine named.
The targets come from issue 7.

`;

export async function recordedRuns(file: string): Promise<RecordedRun[]> {
  if (!existsSync(file)) return [];
  const runs: RecordedRun[] = [];
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (!line.startsWith(MARK)) continue;
    const parsed = RecordedRunSchema.safeParse(JSON.parse(line.slice(MARK.length, line.lastIndexOf(' -->'))));
    if (parsed.success) runs.push(parsed.data);
  }
  return runs;
}

export async function appendRun(file: string, markdown: string, run: RecordedRun): Promise<void> {
  if (!existsSync(file)) await writeFile(file, HEADER);
  await appendFile(file, `${markdown}\n${MARK}${JSON.stringify(run)} -->\n\n`);
}
