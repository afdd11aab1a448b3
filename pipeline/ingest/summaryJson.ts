// `sfe ingest --json`: the summary as JSON.stringify(summary, null, 2) would print it, but written file by
// file. For 20,000 files the one-piece string (and its UTF-8 copy queued on a pipe) was tens of MB at the
// very end of a run, which set the run's peak memory.
import type { IngestSummary } from './summary.ts';

const CHUNK_CHARS = 64 * 1024;

export type Write = (text: string) => Promise<void>;

/** A writer for a Node stream that waits for the stream to drain when its buffer is full. */
export const streamWrite = (out: NodeJS.WritableStream): Write => (text) =>
  new Promise((resolve, reject) => {
    const ok = out.write(text, (e) => (e ? reject(e) : undefined));
    if (ok) resolve();
    else out.once('drain', () => resolve());
  });

export async function writeSummaryJson(summary: IngestSummary, write: Write): Promise<void> {
  const { files, ...rest } = summary;
  const keys = Object.keys(summary);
  const empty = `${JSON.stringify({ ...rest, files: [] }, null, 2)}\n`;
  const emptyTail = '[]\n}\n';
  if (files.length === 0 || keys[keys.length - 1] !== 'files' || !empty.endsWith(emptyTail)) {
    await write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  let buf = `${empty.slice(0, -emptyTail.length)}[\n`;
  for (let i = 0; i < files.length; i++) {
    // Array elements sit two levels deep: four spaces before each line of the element.
    buf += `    ${JSON.stringify(files[i], null, 2).replace(/\n/g, '\n    ')}${i < files.length - 1 ? ',' : ''}\n`;
    if (buf.length >= CHUNK_CHARS) {
      await write(buf);
      buf = '';
    }
  }
  await write(`${buf}  ]\n}\n`);
}
