// Draws the add-in's icons (a factory over a rising step, in the pane's blue) with the system Chromium and
// writes PNGs at the sizes Office asks for. Run once after changing the drawing: `npx tsx addin/assets/makeIcons.ts`.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2b88d8"/><stop offset="1" stop-color="#0f5ea8"/></linearGradient></defs>
  <rect x="2" y="2" width="60" height="60" rx="13" fill="url(#g)"/>
  <path d="M11 51 V31 L21 25 V31 L31 25 V31 L41 25 V15 H49 V51 Z" fill="#ffffff"/>
  <rect x="16" y="38" width="6" height="6" rx="1" fill="#2b88d8"/>
  <rect x="26" y="38" width="6" height="6" rx="1" fill="#2b88d8"/>
  <path d="M37 47 L43 41 L47 44 L54 35" fill="none" stroke="#7ee2a8" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(new URL(`./icon-${size}.png`, import.meta.url), png);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
