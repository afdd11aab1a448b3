// Real external programs used by tests (LibreOffice, Chromium). Missing on a developer's machine: the test
// is skipped with a loud message. In CI (SFE_REQUIRE_TOOLS=1, set by .ci/run) a missing tool fails.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Tool {
  readonly name: string;
  readonly available: boolean;
  readonly path: string | null;
}

function which(cmd: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function resolveTool(name: string, path: string | null): Tool {
  const available = path !== null;
  if (!available) {
    const msg = `\n!!! ${name} is not installed: tests that need it are SKIPPED. Install it (see .ci/run) to run them.\n`;
    if (process.env.SFE_REQUIRE_TOOLS === '1') throw new Error(`${name} is required (SFE_REQUIRE_TOOLS=1) but not installed`);
    process.stderr.write(msg);
  }
  return { name, available, path };
}

export const libreoffice = (): Tool => resolveTool('LibreOffice (soffice)', which('soffice') ?? which('libreoffice'));
export const chromium = (): Tool => resolveTool('Chromium', existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : which('chromium'));

/** Launch options for Debian's Chromium under playwright-core: never a downloaded browser, no network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
