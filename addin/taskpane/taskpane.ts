// Entry of the pane page: waits for Office and for the page body, then starts the dashboard on the active
// workbook. (Office.onReady may fire while the body is still being parsed.)
import { startPane } from './controller.ts';
import { createExcelGateway } from './excelGateway.ts';
import { renderMessage } from './render.ts';

const domReady = (): Promise<void> =>
  document.readyState === 'loading' ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true })) : Promise.resolve();

async function main(info: { host: Office.HostType | null }): Promise<void> {
  await domReady();
  const root = document.getElementById('app');
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    renderMessage(root, '请在 Excel 中使用', '本加载项只能在 Excel（桌面版或网页版）中打开自评价表后使用。');
    return;
  }
  const gateway = createExcelGateway((batch) => Excel.run(batch));
  // worksheets.onChanged arrived with ExcelApi 1.9; older hosts refresh with the button.
  const watch = Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  await startPane(root, gateway, watch).catch((e: unknown) => renderMessage(root, '加载项启动失败', e instanceof Error ? e.message : String(e)));
}

void Office.onReady((info) => void main(info));
