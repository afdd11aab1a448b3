// LibreOffice headless as the test's spreadsheet program: many files per start (a start costs seconds), a
// private profile that forces recalculation of every formula on load.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice user profile under `dir` that recalculates .xlsx formulas on every load. */
export function recalcProfile(dir: string): string {
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return `file://${dir}`;
}

/** `soffice --headless --convert-to <target> --outdir OUT f1 f2 …` in one process. */
export function convertBatch(soffice: string, profileUrl: string, files: readonly string[], outDir: string, target = 'xlsx'): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(soffice, [`-env:UserInstallation=${profileUrl}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, ...files], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`soffice exited ${code}: ${err.slice(0, 500)}`))));
  });
}
