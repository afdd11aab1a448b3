// Entry of the pane page: waits for Office, then starts the dashboard on the active workbook.
import { startPane } from './controller.ts';
import { createExcelGateway } from './excelGateway.ts';
import { renderMessage } from './render.ts';

Office.onReady((info) => {
  const root = document.getElementById('app');
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    renderMessage(root, '请在 Excel 中使用', '本加载项只能在 Excel（桌面版或网页版）中打开自评价表后使用。');
    return;
  }
  const gateway = createExcelGateway((batch) => Excel.run(batch));
  // worksheets.onChanged arrived with ExcelApi 1.9; older hosts refresh with the button.
  const watch = Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  startPane(root, gateway, watch).catch((e: unknown) => renderMessage(root, '加载项启动失败', e instanceof Error ? e.message : String(e)));
});
