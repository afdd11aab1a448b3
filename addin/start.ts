// `npm run start:addin`: builds the add-in, serves dist/addin over HTTPS on https://localhost:3000 with a
// local development certificate, and sideloads it into desktop Excel where there is one (Windows, macOS).
// Both helpers are optional dependencies loaded on demand, so `npm install` never needs them.
import { createServer } from 'node:https';
import { join } from 'node:path';
import { buildAddin, REPO_ROOT } from './build.ts';
import { DEFAULT_BASE_URL } from './manifest/generate.ts';
import { createStaticHandler } from './serve.ts';

const PORT = Number(new URL(DEFAULT_BASE_URL).port);

/** Imports an optional package by name; null when it is not installed. */
async function optional(name: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(name)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const say = (lines: readonly string[]): void => void process.stdout.write(`${lines.join('\n')}\n`);

async function devCertificates(): Promise<{ key: unknown; cert: unknown; ca?: unknown }> {
  const certs = await optional('office-addin-dev-certs');
  const get = certs?.getHttpsServerOptions;
  if (typeof get !== 'function') {
    throw new Error(
      [
        '未安装 office-addin-dev-certs（可选依赖），无法生成本机 HTTPS 开发证书。',
        '请在项目目录运行：npm install --no-save office-addin-dev-certs',
        '然后重新运行：npm run start:addin（首次运行会请求将开发证书加入系统信任，可能需要管理员权限）。',
      ].join('\n'),
    );
  }
  return (await get()) as { key: unknown; cert: unknown; ca?: unknown };
}

function webInstructions(manifest: string): string[] {
  return [
    '',
    '本机没有桌面版 Excel（Linux）：请在 Excel 网页版中旁加载：',
    '  1. 用浏览器打开 https://localhost:3000/taskpane.html 一次，确认证书受信任（不受信任时按 README 导入开发证书）；',
    '  2. 在 Excel 网页版中打开自评价表，依次点击「开始」→「加载项」→「更多加载项」→「我的加载项」→「上传我的加载项」；',
    `  3. 选择清单文件 ${manifest}，上传后「开始」选项卡会出现「自评价看板」按钮，SFE. 函数即可使用。`,
  ];
}

async function sideloadDesktop(manifest: string): Promise<(() => Promise<void>) | null> {
  const debugging = await optional('office-addin-debugging');
  const start = debugging?.startDebugging;
  const stop = debugging?.stopDebugging;
  if (typeof start !== 'function') {
    say([
      '',
      '未安装 office-addin-debugging（可选依赖），不能自动旁加载到桌面版 Excel。',
      '如需自动旁加载，请运行：npm install --no-save office-addin-debugging，然后重新运行 npm run start:addin；',
      `也可以手动旁加载清单 ${manifest}（步骤见 docs/readme/addin.md）。`,
    ]);
    return null;
  }
  await start(manifest, { appType: 'desktop', app: 'excel', enableDebugging: false, enableLiveReload: false });
  say(['已将加载项旁加载到桌面版 Excel。']);
  return typeof stop === 'function' ? async () => void (await stop(manifest)) : null;
}

async function main(): Promise<void> {
  const build = await buildAddin({ rootManifest: join(REPO_ROOT, 'manifest.xml') });
  const manifest = join(build.outDir, 'manifest.xml');
  const tls = await devCertificates();
  const server = createServer(tls as Parameters<typeof createServer>[0], (req, res) => void createStaticHandler(build.outDir)(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, 'localhost', () => resolve());
  });
  say([`加载项已在 ${DEFAULT_BASE_URL}/ 提供（目录 ${build.outDir}），按 Ctrl+C 停止。`]);

  let unload: (() => Promise<void>) | null = null;
  if (process.platform === 'win32' || process.platform === 'darwin') unload = await sideloadDesktop(manifest);
  else say(webInstructions(manifest));

  process.once('SIGINT', () => {
    void (async () => {
      await unload?.().catch(() => undefined);
      server.close();
      process.exit(0);
    })();
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
