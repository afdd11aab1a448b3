// Progress while ingesting: a bar on a terminal (files done/total, rate, ETA), plain lines otherwise
// (one per stored batch, so logs and supervising scripts can follow).
import cliProgress from 'cli-progress';

export interface Progress {
  /** `done` files finished so far (stored or skipped). */
  update(done: number): void;
  stop(): void;
}

const eta = (seconds: number): string => {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} 分 ${s % 60} 秒` : `${s} 秒`;
};

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const rate = (done: number): number => done / Math.max(0.001, (Date.now() - started) / 1000);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '入库进度 [{bar}] {value}/{total} 份 | {speed} 份/秒 | 预计剩余 {remaining}', stream, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { speed: '0.0', remaining: '—' });
    return {
      update: (done) => bar.update(done, { speed: rate(done).toFixed(1), remaining: eta((total - done) / rate(done)) }),
      stop: () => bar.stop(),
    };
  }
  let last = -1;
  return {
    update: (done) => {
      if (done === last) return;
      last = done;
      const r = rate(done);
      stream.write(`已处理 ${done}/${total} 份（${total ? Math.floor((done * 100) / total) : 100}%），${r.toFixed(1)} 份/秒，预计剩余 ${eta((total - done) / r)}\n`);
    },
    stop: () => undefined,
  };
}
