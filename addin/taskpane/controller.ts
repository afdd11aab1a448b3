// Wires the gateway, the model and the renderer: read → evaluate → render, again after changes.
import { debounce } from './debounce.ts';
import { downloadJson } from './download.ts';
import type { WorkbookGateway } from './excelGateway.ts';
import { buildView, exportFileName, type PaneView } from './model.ts';
import { renderMessage, renderView } from './render.ts';

export const CHANGE_DEBOUNCE_MS = 600;

export interface Pane {
  refresh(): Promise<void>;
  readonly view: () => PaneView | null;
}

export async function startPane(root: HTMLElement, gateway: WorkbookGateway, watchChanges: boolean): Promise<Pane> {
  let view: PaneView | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const actions = {
    select: (field: string): void => {
      gateway.selectField(field).catch(() => renderMessage(root, '无法定位单元格', `未能选中「${field}」，工作簿结构可能已被改动。`));
    },
    exportAnswers: (): void => {
      if (view?.kind === 'dashboard') downloadJson(root.ownerDocument, exportFileName(view.dashboard), view.dashboard.answersJson);
    },
    refresh: (): void => void refresh(),
  };

  async function once(): Promise<void> {
    try {
      view = buildView(await gateway.readSnapshot());
      renderView(root, view, actions);
    } catch (e) {
      renderMessage(root, '读取工作簿失败', `请稍后点击「重新计算」重试。（${e instanceof Error ? e.message : String(e)}）`);
    }
  }

  // Changes arriving while a read is in flight trigger exactly one more read after it.
  async function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await once();
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  }

  await refresh();
  if (watchChanges) await gateway.onWorksheetChanged(debounce(() => void refresh(), CHANGE_DEBOUNCE_MS));
  return { refresh, view: () => view };
}
