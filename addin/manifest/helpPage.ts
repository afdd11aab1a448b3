// The add-in's help page (SupportUrl and the Get Started link): the worksheet functions, from the same
// metadata Excel reads, in Chinese.
import type { FunctionMetadata } from '../functionsMetadata.ts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function helpPage(zh: readonly FunctionMetadata[], en: readonly FunctionMetadata[], version: string): string {
  const rows = zh
    .map((f) => {
      const id = en.find((e) => e.id === f.id)?.name ?? f.id;
      const params = f.parameters.map((p) => `<li><code>${esc(p.name)}</code>${p.optional ? '（可选）' : ''}：${esc(p.description ?? '')}</li>`).join('');
      return `<section><h2><code>SFE.${esc(f.name)}</code> · <code>SFE.${esc(id)}</code></h2><p>${esc(f.description ?? '')}</p><ul>${params}</ul></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>智能工厂自评价加载项 · 帮助</title>
<style>body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;max-width:760px;margin:24px auto;padding:0 16px;line-height:1.6;color:#1f2933}h1{font-size:20px}h2{font-size:15px;margin:20px 0 4px}code{background:#f1f3f5;padding:0 3px;border-radius:3px}</style>
</head><body>
<h1>江苏省智能工厂梯度建设自评价 · Excel 加载项（${esc(version)}）</h1>
<p>打开主管部门下发的自评价表，点击「开始」选项卡中的「自评价看板」即可查看实时综合得分、参考等级、各等级条件与填报问题；点击问题可定位到对应单元格。以下工作表函数在中文版 Excel 中使用中文名称，其他语言版本使用英文名称。</p>
${rows}
</body></html>
`;
}
