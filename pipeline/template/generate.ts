// Writes the self-evaluation workbook from the ruleset with ExcelJS, deterministically: same ruleset, same
// cells, formulas, names and validations (the zip bytes differ only by ExcelJS's entry timestamps).
import ExcelJS from 'exceljs';
import {
  BASIC_COMPOSITE_MIN,
  BASIC_REQUIREMENTS,
  DECLARATION_KEYS,
  FIELD,
  JIANGSU_CITIES,
  MANUFACTURING_DIVISIONS,
  MATURITY_LABELS,
  MATURITY_SHORT,
  MISSING_TEXT,
  READING_DOCS,
  RULESET_2025,
  STAGE_KEYS,
  STAGE_LABELS,
  TIER_KEYS,
  TIER_LABELS,
  industryLabel,
  type FitBand,
  type LevelledIndicator,
  type AmountIndicator,
  type Ruleset,
  type StageKey,
  type TierKey,
} from '../../core/index.ts';
import * as F from './formulas.ts';
import {
  CALC_IND_COL,
  CALC_IND_FIRST_ROW,
  CALC_SC_COL,
  CALC_SC_FIRST_ROW,
  CALC_SCALARS,
  CALC_SCALAR_COL,
  CALC_SCALAR_FIRST_ROW,
  CALC_TIER_COL,
  ENT_COL,
  ENT_SECTION_ROW,
  ENTERPRISE_ROWS,
  IND_COL,
  IND_HEADER_ROW,
  LIST_COL,
  LIST_NAME,
  META_ROWS,
  RES_ROW,
  SC_COL,
  SC_HEADER_ROW,
  SCALE_OPTIONS,
  SHEET,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  absRange,
  absRef,
  buildLayout,
  calcScalar,
  calcTierCell,
  calcTierRow,
  colLetter,
  entInput,
  namedCell,
  type CalcScalar,
  type EnterpriseKey,
  type Layout,
} from './layout.ts';
import * as S from './style.ts';
import * as T from './texts.ts';

/** Fixed so that two builds of the same ruleset are the same workbook. */
export const TEMPLATE_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

interface CellStyle {
  readonly font?: Partial<ExcelJS.Font>;
  readonly fill?: ExcelJS.Fill;
  readonly border?: boolean;
  readonly alignment?: Partial<ExcelJS.Alignment>;
  readonly numFmt?: string;
  readonly input?: boolean;
}

function put(ws: ExcelJS.Worksheet, address: string, value: ExcelJS.CellValue, st: CellStyle = {}): ExcelJS.Cell {
  const c = ws.getCell(address);
  c.value = value;
  c.font = st.font ?? S.FONT_BODY;
  if (st.fill) c.fill = st.fill;
  else if (st.input) c.fill = S.FILL_INPUT;
  if (st.border !== false) c.border = S.BORDER_ALL;
  c.alignment = st.alignment ?? S.WRAP_MIDDLE;
  if (st.numFmt) c.numFmt = st.numFmt;
  if (st.input) c.protection = { locked: false };
  return c;
}

const formula = (f: string): ExcelJS.CellFormulaValue => ({ formula: f, date1904: false });

/** Merges a range and borders every cell of it (a merged cell prints only the master's border otherwise). */
function mergeBox(ws: ExcelJS.Worksheet, range: string, st: CellStyle = {}): void {
  const [a, b] = range.split(':');
  if (!a || !b || a === b) return;
  ws.mergeCells(range);
  if (st.border === false) return;
  const m1 = /^([A-Z]+)(\d+)$/.exec(a);
  const m2 = /^([A-Z]+)(\d+)$/.exec(b);
  if (!m1 || !m2) return;
  const c1 = ws.getColumn(m1[1] ?? 'A').number;
  const c2 = ws.getColumn(m2[1] ?? 'A').number;
  for (let r = Number(m1[2]); r <= Number(m2[2]); r++) {
    for (let c = c1; c <= c2; c++) ws.getCell(r, c).border = S.BORDER_ALL;
  }
}

/**
 * Row height (points) for a wrapped text in a column `width` characters wide. Calibrated on LibreOffice's
 * rendering with the Noto CJK fallback: a CJK glyph at 10.5 pt takes ~1.6 width units.
 */
export function textHeight(text: string, width: number, fontSize = 10.5): number {
  const glyph = 1.6 * (fontSize / 10.5);
  const perLine = Math.max(1, Math.floor((width - 1) / glyph));
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  const lines = text.split('\n').length - 1 + Math.max(1, Math.ceil(units / perLine));
  return Math.ceil(lines * fontSize * 1.4 + 6);
}

function setHeight(ws: ExcelJS.Worksheet, row: number, h: number): void {
  const r = ws.getRow(row);
  r.height = Math.max(r.height ?? 0, h);
}

function printSetup(ws: ExcelJS.Worksheet, landscape: boolean, titleRows: string | null): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
  ws.headerFooter = { oddFooter: `&C${T.WORKBOOK_TITLE} — &A  第 &P 页` };
}

async function protect(ws: ExcelJS.Worksheet): Promise<void> {
  // No password: the protection keeps formulas from being overwritten by accident, it is not a secret.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function widths(ws: ExcelJS.Worksheet, w: readonly number[]): void {
  w.forEach((width, i) => (ws.getColumn(i + 1).width = width));
}

function title(ws: ExcelJS.Worksheet, lastCol: string, text: string, row = 1): void {
  put(ws, `A${row}`, text, { font: S.FONT_TITLE, border: false, alignment: S.CENTER });
  ws.mergeCells(`A${row}:${lastCol}${row}`);
  ws.getRow(row).height = 30;
}

function headers(ws: ExcelJS.Worksheet, row: number, labels: readonly string[]): void {
  labels.forEach((h, i) => put(ws, `${colLetter(i + 1)}${row}`, h, { font: S.FONT_HEADER, fill: S.FILL_HEADER, alignment: S.CENTER }));
  ws.getRow(row).height = 22;
}

function wrongIf(ws: ExcelJS.Worksheet, ref: string, expr: string): void {
  ws.addConditionalFormatting({ ref, rules: [{ type: 'expression', priority: 1, formulae: [expr], style: S.CF_WRONG }] });
}

// ==================================================================== 填报说明

/** Narrow enough for A4 portrait without scaling. */
const GUIDE_WIDTH = 72;

function guideSheet(wb: ExcelJS.Workbook, ruleset: Ruleset): void {
  const ws = wb.addWorksheet(SHEET.guide, { views: [{ showGridLines: false }] });
  widths(ws, [GUIDE_WIDTH]);
  let r = 1;
  put(ws, `A${r}`, `${T.WORKBOOK_TITLE}  填报说明`, { font: S.FONT_TITLE, border: false, alignment: S.CENTER });
  ws.getRow(r).height = 32;
  r += 1;
  put(ws, `A${r}`, `模板标识 ${TEMPLATE_ID}　模板版本 ${TEMPLATE_VERSION}　规则版本 ${ruleset.version}（解读来源：${ruleset.readingsSource === 'default' ? '默认' : ruleset.readingsSource}）`, {
    font: S.FONT_SMALL, border: false, alignment: S.CENTER,
  });
  r += 2;
  const section = (text: string): void => {
    put(ws, `A${r}`, text, { font: S.FONT_SECTION, fill: S.FILL_SECTION, border: false, alignment: S.WRAP_MIDDLE });
    ws.getRow(r).height = 20;
    r += 1;
  };
  const para = (text: string, font = S.FONT_BODY): void => {
    put(ws, `A${r}`, text, { font, border: false, alignment: S.WRAP_TOP });
    setHeight(ws, r, textHeight(text, GUIDE_WIDTH));
    r += 1;
  };
  section('一、填写内容');
  T.GUIDE_STEPS.forEach((s) => para(s));
  r += 1;
  section('二、计分方法');
  para(`《江苏省企业数字化转型通用评估指标体系（2025年版）》自评方法：${T.D3_METHOD}`);
  T.D3_NOTES.forEach((s) => para(s));
  T.GUIDE_SCORING.forEach((s) => para(s));
  r += 1;
  section('三、智能工厂梯度等级条件（《江苏省智能工厂梯度建设要素条件（2025年版）》）');
  para(`基础要求：${ruleset.basicRequirements.map((b) => `（${b.no}）${b.text}`).join('')}`);
  for (const t of ruleset.tiers) {
    para(`${TIER_LABELS[t.tier]}：覆盖${t.stages.map((s) => STAGE_LABELS[s]).join('、')}环节，建设场景数不低于${t.minScenarios}个，智能制造能力成熟度达到${MATURITY_SHORT[t.minMaturity]}及以上；综合得分高于${t.compositeThreshold}分时建议开展本等级场景自评。`);
  }
  r += 1;
  section('四、本表采用的规则解读（文件未明确之处）');
  for (const d of READING_DOCS) para(`${d.id}　${d.zh}`);
  r += 1;
  section('五、其他');
  para(`等级描述中标注「${MISSING_TEXT}」的，为本表所据文本缺失的原文，请以官方发布稿为准。`);
  para('本表各填写单元格定义了固定名称（如 SFE_NAME、SFE_I01_LEVEL、SFE_S01_TIER），供汇总工具读取，请勿删除或改名。');
  printSetup(ws, false, null);
}

// ==================================================================== 企业信息

interface EntText {
  readonly label: string;
  readonly hint: string;
}

function enterpriseTexts(): Record<EnterpriseKey, EntText> {
  const decl = Object.fromEntries(
    DECLARATION_KEYS.map((k) => {
      const req = BASIC_REQUIREMENTS.find((b) => b.declaration === k);
      return [`decl_${k}`, { label: `（${req?.no ?? ''}）${req?.label ?? k}`, hint: req?.text ?? '' }];
    }),
  ) as Record<`decl_${(typeof DECLARATION_KEYS)[number]}`, EntText>;
  return {
    name: { label: '企业名称', hint: '与营业执照一致' },
    uscc: { label: '统一社会信用代码', hint: '18位，与营业执照一致' },
    city: { label: '所在设区市', hint: '从下拉列表选择' },
    county: { label: '所在县（市、区）', hint: '先选择设区市，再从下拉列表选择' },
    industry: { label: '所属行业', hint: '国民经济行业分类（GB/T 4754-2017）制造业大类，从下拉列表选择' },
    scale: { label: '企业规模', hint: '大型、中型、小型或微型企业' },
    ...decl,
    maturity: { label: '智能制造能力成熟度', hint: `GB/T 39116-2020 自评等级：${Object.values(MATURITY_LABELS).join('、')}` },
    contact: { label: '联系人', hint: '' },
    phone: { label: '联系电话', hint: '手机或座机' },
    fillDate: { label: '填报日期', hint: '如 2025-06-30' },
  };
}

function enterpriseSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET.enterprise, { views: [{ state: 'frozen', ySplit: 2, showGridLines: false }] });
  widths(ws, [28, 30, 40, 30]);
  title(ws, 'D', `${T.WORKBOOK_TITLE} — ${T.ENT_TITLE}`);
  headers(ws, 2, T.ENT_HEADERS);
  const texts = enterpriseTexts();
  const ref = (k: EnterpriseKey): string => absRef(entInput(k));
  const cityList = LIST_NAME.cities;
  const checks: Record<EnterpriseKey, string> = {
    name: F.requiredCheck(ref('name'), '必填：请填写企业名称。'),
    uscc: F.usccCheck(ref('uscc')),
    city: F.inListCheck(ref('city'), cityList, '必填：请选择设区市。', '请从下拉列表选择江苏省13个设区市之一。'),
    county: F.countyCheck(ref('county'), ref('city'), cityList, LIST_NAME.countiesPrefix),
    industry: F.inListCheck(ref('industry'), LIST_NAME.industries, '请选择所属行业。', '请从下拉列表选择制造业大类（13–43）。'),
    scale: F.requiredCheck(ref('scale'), '请选择企业规模。'),
    decl_scale: F.declarationCheck(ref('decl_scale')),
    decl_compliance: F.declarationCheck(ref('decl_compliance')),
    decl_secure: F.declarationCheck(ref('decl_secure')),
    decl_organization: F.declarationCheck(ref('decl_organization')),
    maturity: F.inListCheck(ref('maturity'), LIST_NAME.maturity, '请选择智能制造能力成熟度。', '请从下拉列表选择一级至五级。'),
    contact: F.requiredCheck(ref('contact'), '请填写联系人。'),
    phone: F.requiredCheck(ref('phone'), '请填写联系电话。'),
    fillDate: F.dateCheck(ref('fillDate')),
  };
  const lists: Partial<Record<EnterpriseKey, string>> = {
    city: cityList,
    county: `INDIRECT("${LIST_NAME.countiesPrefix}"&${ref('city').replace(/^'[^']+'!/, '')})`,
    industry: LIST_NAME.industries,
    scale: LIST_NAME.scale,
    decl_scale: LIST_NAME.yesNo,
    decl_compliance: LIST_NAME.yesNo,
    decl_secure: LIST_NAME.yesNo,
    decl_organization: LIST_NAME.yesNo,
    maturity: LIST_NAME.maturity,
  };
  for (const r of ENTERPRISE_ROWS) {
    const t = texts[r.key];
    put(ws, `${ENT_COL.label}${r.row}`, t.label, { font: S.FONT_HEADER });
    const input = put(ws, `${ENT_COL.input}${r.row}`, null, { input: true, ...(r.key === 'fillDate' ? { numFmt: 'yyyy-mm-dd' } : {}), ...(r.key === 'uscc' ? { numFmt: '@' } : {}) });
    put(ws, `${ENT_COL.hint}${r.row}`, t.hint, { font: S.FONT_SMALL });
    put(ws, `${ENT_COL.check}${r.row}`, formula(checks[r.key]), { font: S.FONT_CHECK });
    const list = lists[r.key];
    if (list) {
      input.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: true,
        errorStyle: r.key === 'scale' ? 'warning' : 'stop',
        errorTitle: '请从下拉列表选择',
        error: `「${t.label}」请从下拉列表选择。`,
      };
    } else if (r.key === 'uscc') {
      input.dataValidation = { type: 'textLength', operator: 'equal', allowBlank: true, formulae: [18], showErrorMessage: true, errorStyle: 'warning', errorTitle: '统一社会信用代码', error: '统一社会信用代码应为18位。' };
    } else if (r.key === 'fillDate') {
      input.dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2020, 0, 1))], showErrorMessage: true, errorTitle: '填报日期', error: '请填写日期，如 2025-06-30。' };
    }
    setHeight(ws, r.row, Math.max(24, textHeight(t.hint, 40, 9.5), textHeight(t.label, 28)));
    wrongIf(ws, `${ENT_COL.input}${r.row}`, `LEN($${ENT_COL.check}$${r.row})>0`);
  }
  put(ws, `A${ENT_SECTION_ROW}`, T.ENT_DECL_SECTION, { font: S.FONT_SECTION, fill: S.FILL_SECTION });
  mergeBox(ws, `A${ENT_SECTION_ROW}:D${ENT_SECTION_ROW}`);
  ws.getRow(ENT_SECTION_ROW).height = 22;
  printSetup(ws, false, '1:2');
}

// ==================================================================== 数字化转型自评价 (表2)

function indicatorSheet(wb: ExcelJS.Workbook, ruleset: Ruleset, layout: Layout): void {
  const ws = wb.addWorksheet(SHEET.indicators, { views: [{ state: 'frozen', ySplit: IND_HEADER_ROW, showGridLines: false }] });
  const W = { group: 6, no: 4, name: 10, level: 5, text: 52, inLevel: 9, inScore: 9, fit: 8, check: 24 };
  widths(ws, Object.values(W));
  title(ws, 'I', T.IND_TITLE);
  put(ws, 'A2', `自评方法：${T.D3_METHOD}分数须在所选等级的分段内（见「打分参考」表3）；指标1、5、6可选择「不涉及此环节」。`, { font: S.FONT_SMALL, border: false, alignment: S.WRAP_MIDDLE });
  ws.mergeCells('A2:I2');
  ws.getRow(2).height = 30;
  headers(ws, IND_HEADER_ROW, T.IND_HEADERS);

  const groups = new Map<string, { first: number; last: number }>();

  for (const block of layout.indicatorBlocks) {
    const ind = ruleset.indicators.find((i) => i.id === block.id);
    if (!ind) continue;
    const g = groups.get(ind.group);
    groups.set(ind.group, { first: g?.first ?? block.firstRow, last: block.lastRow });
    const span = (col: string): string => `${col}${block.firstRow}:${col}${block.lastRow}`;
    put(ws, `${IND_COL.no}${block.firstRow}`, ind.id, { alignment: S.CENTER });
    mergeBox(ws, span(IND_COL.no));
    put(ws, `${IND_COL.name}${block.firstRow}`, ind.name, { font: S.FONT_HEADER, alignment: S.CENTER });
    mergeBox(ws, span(IND_COL.name));

    if (ind.kind === 'levelled') levelledBlock(ws, ruleset, layout, ind, block.firstRow, block.lastRow, block.levelRows, block.naRow, W.text);
    else amountBlock(ws, ind, block.firstRow, W.text, ruleset.readings.indicator7Banding !== null);
  }
  for (const [group, g] of groups) {
    put(ws, `${IND_COL.group}${g.first}`, group, { font: S.FONT_HEADER, alignment: S.CENTER });
    mergeBox(ws, `${IND_COL.group}${g.first}:${IND_COL.group}${g.last}`);
  }

  const sr = layout.indicatorSummaryRow;
  put(ws, `A${sr}`, '综合得分（自动计算，详见「评价结果」）', { font: S.FONT_HEADER, alignment: { ...S.WRAP_MIDDLE, horizontal: 'right' } });
  mergeBox(ws, `A${sr}:F${sr}`);
  const comp = absRef(namedCell(layout, FIELD.composite));
  put(ws, `G${sr}`, formula(`IF(${comp}="","未算出",${comp})`), { fill: S.FILL_RESULT, numFmt: '0.00', alignment: S.CENTER });
  put(ws, `H${sr}`, formula(`"参与计分 "&${absRef(calcScalar('scored'))}&" 项"`), { font: S.FONT_SMALL, alignment: S.CENTER });
  mergeBox(ws, `H${sr}:I${sr}`);
  ws.getRow(sr).height = 24;
  printSetup(ws, false, `${IND_HEADER_ROW}:${IND_HEADER_ROW}`);
}

function levelledBlock(
  ws: ExcelJS.Worksheet,
  ruleset: Ruleset,
  layout: Layout,
  ind: LevelledIndicator,
  first: number,
  last: number,
  levelRows: readonly number[],
  naRow: number | null,
  textWidth: number,
): void {
  ind.levels.forEach((text, i) => {
    const row = levelRows[i] ?? first;
    put(ws, `${IND_COL.level}${row}`, `${i + 1}级`, { alignment: S.CENTER });
    put(ws, `${IND_COL.text}${row}`, text ?? MISSING_TEXT, { font: text === null ? S.FONT_MISSING : S.FONT_BODY, alignment: S.WRAP_MIDDLE });
    setHeight(ws, row, textHeight(text ?? MISSING_TEXT, textWidth));
  });
  if (naRow !== null) {
    put(ws, `${IND_COL.level}${naRow}`, '—', { alignment: S.CENTER });
    put(ws, `${IND_COL.text}${naRow}`, F.NA_TEXT, { alignment: S.WRAP_MIDDLE });
    setHeight(ws, naRow, 20);
  }
  const span = (col: string): string => `${col}${first}:${col}${last}`;
  const levelAddr = `${IND_COL.inLevel}${first}`;
  const scoreAddr = `${IND_COL.inScore}${first}`;
  const lv = put(ws, levelAddr, null, { input: true, alignment: S.CENTER });
  mergeBox(ws, span(IND_COL.inLevel));
  const sc = put(ws, scoreAddr, null, { input: true, alignment: S.CENTER });
  mergeBox(ws, span(IND_COL.inScore));
  const options = ['1', '2', '3', '4', '5', '6', ...(ind.naAllowed ? [F.NA_TEXT] : [])];
  lv.dataValidation = {
    type: 'list', allowBlank: true, formulae: [`"${options.join(',')}"`], showErrorMessage: true,
    errorTitle: '自评等级', error: `指标${ind.id}「${ind.name}」请选择 1–6 级${ind.naAllowed ? '或「不涉及此环节」' : ''}。`,
  };
  const bandList = ruleset.bands.map((b) => `${b.level}级 ${b.band.min === b.band.max ? String(b.band.min) : `${b.band.minOpen ? '(' : '['}${b.band.min}, ${b.band.max}${b.band.maxOpen ? ')' : ']'}`}`).join('；');
  sc.dataValidation = {
    type: 'custom', allowBlank: true, showErrorMessage: true, showInputMessage: true,
    formulae: [`OR(AND(${levelAddr}=${str(F.NA_TEXT)}),${F.inBand(levelAddr, scoreAddr, ruleset.bands)})`],
    errorTitle: '自评分数', error: `指标${ind.id}的分数须在所选等级的分段内：${bandList}。`.slice(0, 255),
    promptTitle: '自评分数', prompt: '先选择等级，再填写该等级分段内的分数（见「打分参考」表3）。',
  };
  const calcRow = layout.calcIndicatorRows.get(ind.id) ?? 0;
  put(ws, `${IND_COL.fit}${first}`, formula(absRef({ sheet: SHEET.calc, address: `${CALC_IND_COL.fit}${calcRow}` })), { alignment: S.CENTER });
  mergeBox(ws, span(IND_COL.fit));
  put(ws, `${IND_COL.check}${first}`, formula(absRef({ sheet: SHEET.calc, address: `${CALC_IND_COL.check}${calcRow}` })), { font: S.FONT_CHECK, alignment: S.WRAP_MIDDLE });
  mergeBox(ws, span(IND_COL.check));
  const bad = `LEN($${IND_COL.check}$${first})>0`;
  wrongIf(ws, levelAddr, bad);
  wrongIf(ws, scoreAddr, bad);
}

const str = F.str;

function amountBlock(ws: ExcelJS.Worksheet, ind: AmountIndicator, first: number, textWidth: number, scored: boolean): void {
  const q = first;
  const tr = first + 1;
  const yr = first + 2;
  put(ws, `${IND_COL.level}${q}`, '—', { alignment: S.CENTER });
  put(ws, `${IND_COL.text}${q}`, ind.question, { alignment: S.WRAP_MIDDLE });
  setHeight(ws, q, textHeight(ind.question, textWidth));
  put(ws, `${IND_COL.inLevel}${q}`, scored ? '填写下方两项金额（万元），按主管部门规定的金额分档计分' : '填写下方两项金额（万元），本指标不计分', { font: S.FONT_SMALL, alignment: S.WRAP_MIDDLE });
  mergeBox(ws, `${IND_COL.inLevel}${q}:${IND_COL.check}${q}`);
  const amount = (row: number, label: string, check: string): void => {
    put(ws, `${IND_COL.level}${row}`, '金额', { alignment: S.CENTER });
    put(ws, `${IND_COL.text}${row}`, label, { alignment: { ...S.WRAP_MIDDLE, horizontal: 'right' } });
    const c = put(ws, `${IND_COL.inLevel}${row}`, null, { input: true, numFmt: '#,##0.00', alignment: S.CENTER });
    c.dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: '投入金额', error: `「${label}」请填写不小于 0 的金额（万元）。` };
    put(ws, `${IND_COL.inScore}${row}`, '万元', { alignment: S.CENTER });
    mergeBox(ws, `${IND_COL.inScore}${row}:${IND_COL.fit}${row}`);
    put(ws, `${IND_COL.check}${row}`, formula(check), { font: S.FONT_CHECK, alignment: S.WRAP_MIDDLE });
    setHeight(ws, row, 22);
    wrongIf(ws, `${IND_COL.inLevel}${row}`, `LEN($${IND_COL.check}$${row})>0`);
  };
  const tot = `$${IND_COL.inLevel}$${tr}`;
  const y24 = `$${IND_COL.inLevel}$${yr}`;
  const base = (c: string): string =>
    `IF(${c}="","请填写投入金额（万元）。",IF(NOT(ISNUMBER(${c})),"请填写数字金额（万元）。",IF(${c}<0,"不能为负数，请填写实际投入金额。","")))`;
  amount(tr, '2014年以来数字化投入总额（万元）', base(tot));
  amount(yr, '其中：2024年数字化投入（万元）', `IF(${base(y24)}<>"",${base(y24)},IF(AND(ISNUMBER(${tot}),${y24}>${tot}),"2024年投入大于2014年以来总投入，请核对两项金额。",""))`);
}

// ==================================================================== 打分参考 (表3)

function printedInterval(f: FitBand): string {
  return `${f.minOpen ? '(' : '['}${f.min}-${f.max}${f.maxOpen ? ')' : ']'}`;
}

function bandsSheet(wb: ExcelJS.Workbook, ruleset: Ruleset): void {
  const ws = wb.addWorksheet(SHEET.bands, { views: [{ showGridLines: false }] });
  widths(ws, [16, 26, 26]);
  title(ws, 'C', T.BANDS_TITLE);
  headers(ws, 2, T.BANDS_HEADERS);
  let r = 3;
  for (const b of ruleset.bands) {
    if (b.fits.length === 0) {
      put(ws, `A${r}`, b.level, { alignment: S.CENTER });
      put(ws, `B${r}`, '', { alignment: S.CENTER });
      put(ws, `C${r}`, b.band.min, { alignment: S.CENTER });
      ws.getRow(r).height = 20;
      r += 1;
      continue;
    }
    put(ws, `A${r}`, b.level, { alignment: S.CENTER });
    mergeBox(ws, `A${r}:A${r + b.fits.length - 1}`);
    for (const f of b.fits) {
      put(ws, `B${r}`, f.label, { alignment: S.CENTER });
      put(ws, `C${r}`, printedInterval(f), { alignment: S.CENTER });
      ws.getRow(r).height = 20;
      r += 1;
    }
  }
  r += 1;
  put(ws, `A${r}`, '说明（「(」「)」表示不含端点，「[」「]」表示含端点；1级只能为0分，100分不在任何分段内）', { font: S.FONT_SMALL, border: false, alignment: S.WRAP_TOP });
  ws.mergeCells(`A${r}:C${r}`);
  ws.getRow(r).height = 28;
  r += 1;
  for (const note of T.D3_NOTES) {
    put(ws, `A${r}`, note, { font: S.FONT_SMALL, border: false, alignment: S.WRAP_TOP });
    ws.mergeCells(`A${r}:C${r}`);
    ws.getRow(r).height = textHeight(note, 66, 9.5);
    r += 1;
  }
  printSetup(ws, false, null);
}

// ==================================================================== 场景自评价

function scenarioSheet(wb: ExcelJS.Workbook, ruleset: Ruleset, layout: Layout): void {
  const ws = wb.addWorksheet(SHEET.scenarios, { views: [{ state: 'frozen', xSplit: 3, ySplit: SC_HEADER_ROW, showGridLines: false }] });
  const descWidth = 30;
  widths(ws, [5, 9, 13, descWidth, descWidth, descWidth, descWidth, 9, 10, 24, 18]);
  title(ws, 'K', T.SC_TITLE);
  put(ws, 'A2', '对照各等级描述，在「自评等级」栏选择已达到的最高等级，未建设的场景不选。「/」表示该场景在该等级无描述，不能自评为该等级（下拉列表只列出有描述的等级）。「所属环节」为《要素条件》五个环节的对应关系（解读R7）。', {
    font: S.FONT_SMALL, border: false, alignment: S.WRAP_MIDDLE,
  });
  ws.mergeCells('A2:K2');
  ws.getRow(2).height = 30;
  headers(ws, SC_HEADER_ROW, T.SC_HEADERS);

  for (const { id, row } of layout.scenarioRows) {
    const s = ruleset.scenarios.find((x) => x.id === id);
    if (!s) continue;
    put(ws, `${SC_COL.no}${row}`, s.id, { alignment: S.CENTER });
    put(ws, `${SC_COL.name}${row}`, s.name, { font: S.FONT_HEADER, alignment: S.CENTER });
    let h = textHeight(s.name, 13);
    for (const t of TIER_KEYS) {
      const d = s.tiers[t];
      const text = d.has ? (d.text ?? MISSING_TEXT) : T.SC_NO_DESCRIPTION;
      put(ws, `${SC_COL[t]}${row}`, text, {
        font: d.has && d.text === null ? S.FONT_MISSING : S.FONT_SMALL,
        alignment: d.has ? S.WRAP_MIDDLE : S.CENTER,
      });
      h = Math.max(h, textHeight(text, descWidth, 9.5));
    }
    const stage = ruleset.readings.stageOfScenario[s.id];
    put(ws, `${SC_COL.stage}${row}`, stage ? STAGE_LABELS[stage] : '', { alignment: S.CENTER });
    const allowed = TIER_KEYS.filter((t) => s.tiers[t].has).map((t) => TIER_LABELS[t]);
    const input = put(ws, `${SC_COL.input}${row}`, null, { input: true, alignment: S.CENTER });
    input.dataValidation = {
      type: 'list', allowBlank: true, formulae: [`"${allowed.join(',')}"`], showErrorMessage: true,
      errorTitle: '自评等级', error: `场景${s.id}「${s.name}」可自评为：${allowed.join('、')}；未建设请留空。`,
    };
    const calcRow = layout.calcScenarioRows.get(s.id) ?? 0;
    put(ws, `${SC_COL.check}${row}`, formula(absRef({ sheet: SHEET.calc, address: `${CALC_SC_COL.check}${calcRow}` })), { font: S.FONT_CHECK, alignment: S.WRAP_MIDDLE });
    put(ws, `${SC_COL.note}${row}`, null, { input: true, font: S.FONT_SMALL, alignment: S.WRAP_MIDDLE });
    wrongIf(ws, `${SC_COL.input}${row}`, `LEN($${SC_COL.check}$${row})>0`);
    setHeight(ws, row, h);
  }
  for (const g of layout.areaGroups) {
    put(ws, `${SC_COL.area}${g.firstRow}`, g.area, { alignment: S.CENTER });
    mergeBox(ws, `${SC_COL.area}${g.firstRow}:${SC_COL.area}${g.lastRow}`);
  }
  printSetup(ws, true, `${SC_HEADER_ROW}:${SC_HEADER_ROW}`);
}

// ==================================================================== _lists

function listsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET.lists, { state: 'hidden' });
  const column = (col: string, header: string, values: readonly string[], name: string): void => {
    ws.getCell(`${col}1`).value = header;
    values.forEach((v, i) => (ws.getCell(`${col}${i + 2}`).value = v));
    wb.definedNames.add(absRange(SHEET.lists, col, 2, values.length + 1), name);
  };
  column(LIST_COL.cities, '设区市', JIANGSU_CITIES.map((c) => c.name), LIST_NAME.cities);
  column(LIST_COL.industries, '行业', MANUFACTURING_DIVISIONS.map(industryLabel), LIST_NAME.industries);
  column(LIST_COL.maturity, '成熟度', Object.values(MATURITY_SHORT), LIST_NAME.maturity);
  column(LIST_COL.yesNo, '是否', ['是', '否'], LIST_NAME.yesNo);
  column(LIST_COL.scale, '企业规模', [...SCALE_OPTIONS], LIST_NAME.scale);
  JIANGSU_CITIES.forEach((c, i) => {
    column(colLetter(LIST_COL.firstCounty + i), c.name, c.counties.map((x) => x.name), `${LIST_NAME.countiesPrefix}${c.name}`);
  });
}

// ==================================================================== _calc

function calcSheet(wb: ExcelJS.Workbook, ruleset: Ruleset, layout: Layout): void {
  const ws = wb.addWorksheet(SHEET.calc, { state: 'hidden' });
  const at = (col: string, row: number): string => absRef({ sheet: SHEET.calc, address: `${col}${row}` });
  const scale = 10 ** ruleset.readings.scorePrecisionDigits;
  const naIds = ruleset.indicators.filter((i): i is LevelledIndicator => i.kind === 'levelled' && i.naAllowed).map((i) => i.id);
  ['指标', '等级类型', '等级', '状态', '整数化分数', '校验', '符合程度', '分数'].forEach((h, i) => (ws.getCell(1, i + 1).value = h));

  for (const ind of ruleset.indicators) {
    const row = layout.calcIndicatorRows.get(ind.id);
    if (row === undefined) continue;
    const c = (col: string): string => at(col, row);
    ws.getCell(`${CALC_IND_COL.id}${row}`).value = ind.id;
    if (ind.kind === 'levelled') {
      const L = absRef(namedCell(layout, FIELD.level(ind.id)));
      const Sc = absRef(namedCell(layout, FIELD.score(ind.id)));
      const kind = c(CALC_IND_COL.kind);
      const lvl = c(CALC_IND_COL.level);
      const status = c(CALC_IND_COL.status);
      ws.getCell(`${CALC_IND_COL.kind}${row}`).value = formula(F.indicatorKind(L, Sc));
      ws.getCell(`${CALC_IND_COL.level}${row}`).value = formula(`IF(${kind}="L",${L},0)`);
      ws.getCell(`${CALC_IND_COL.status}${row}`).value = formula(F.indicatorStatus(kind, lvl, Sc, ind.naAllowed, ruleset.bands));
      ws.getCell(`${CALC_IND_COL.scaled}${row}`).value = formula(F.scaledScore(status, Sc, scale));
      ws.getCell(`${CALC_IND_COL.check}${row}`).value = formula(F.indicatorCheck(kind, L, lvl, Sc, ind.naAllowed, naIds, ruleset.bands));
      ws.getCell(`${CALC_IND_COL.fit}${row}`).value = formula(F.fitText(kind, status, lvl, Sc, ruleset.bands));
      ws.getCell(`${CALC_IND_COL.score}${row}`).value = formula(`IF(ISNUMBER(${Sc}),${Sc},"")`);
    } else {
      const banding = ruleset.readings.indicator7Banding;
      if (!banding) continue;
      const amount = absRef(namedCell(layout, banding.basis === 'total' ? FIELD.investmentTotal : FIELD.investment2024));
      const score = c(CALC_IND_COL.score);
      const status = c(CALC_IND_COL.status);
      ws.getCell(`${CALC_IND_COL.score}${row}`).value = formula(F.indicator7Score(amount, banding.steps));
      ws.getCell(`${CALC_IND_COL.status}${row}`).value = formula(`IF(${score}="","bad","ok")`);
      ws.getCell(`${CALC_IND_COL.scaled}${row}`).value = formula(F.scaledScore(status, score, scale));
      ws.getCell(`${CALC_IND_COL.check}${row}`).value = formula(`IF(${status}="bad","指标7投入金额未填写，无法计分。","")`);
    }
  }
  const first = CALC_IND_FIRST_ROW;
  const last = layout.calcIndicatorLastRow;
  const statusRange = `${at(CALC_IND_COL.status, first)}:$${CALC_IND_COL.status}$${last}`;
  const scaledRange = `${at(CALC_IND_COL.scaled, first)}:$${CALC_IND_COL.scaled}$${last}`;

  // Scenarios.
  ['场景', '有效等级', '所属环节', '校验'].forEach((h, i) => (ws.getCell(CALC_SC_FIRST_ROW - 1, i + 1).value = h));
  for (const s of ruleset.scenarios) {
    const row = layout.calcScenarioRows.get(s.id) ?? 0;
    const tier = absRef(namedCell(layout, FIELD.tier(s.id)));
    const has = Object.fromEntries(TIER_KEYS.map((t) => [t, s.tiers[t].has])) as Record<TierKey, boolean>;
    ws.getCell(`${CALC_SC_COL.id}${row}`).value = s.id;
    ws.getCell(`${CALC_SC_COL.rank}${row}`).value = formula(F.scenarioRank(tier, has, TIER_KEYS));
    const stage = ruleset.readings.stageOfScenario[s.id];
    ws.getCell(`${CALC_SC_COL.stage}${row}`).value = stage ? STAGE_LABELS[stage] : '';
    ws.getCell(`${CALC_SC_COL.check}${row}`).value = formula(
      F.scenarioCheck(at(CALC_SC_COL.rank, row), tier, TIER_KEYS.filter((t) => has[t]).map((t) => TIER_LABELS[t])),
    );
  }
  const scLast = CALC_SC_FIRST_ROW + ruleset.scenarios.length - 1;
  const ranks = `${at(CALC_SC_COL.rank, CALC_SC_FIRST_ROW)}:$${CALC_SC_COL.rank}$${scLast}`;
  const stages = `${at(CALC_SC_COL.stage, CALC_SC_FIRST_ROW)}:$${CALC_SC_COL.stage}$${scLast}`;

  // Scalars.
  const K = (k: CalcScalar): string => absRef(calcScalar(k));
  const tc = (t: TierKey, col: string): string => absRef(calcTierCell(t, col));
  const decl = DECLARATION_KEYS.map((k) => absRef(namedCell(layout, FIELD.declaration(k))));
  const cumulative = ruleset.readings.cumulativeTiers;
  const strict = ruleset.readings.compositeThresholdStrict;
  const scalarFormulas: Record<CalcScalar, string> = {
    scored: `COUNTIF(${statusRange},"ok")`,
    na: `COUNTIF(${statusRange},"na")`,
    bad: `COUNTIF(${statusRange},"bad")`,
    sum: `SUM(${scaledRange})`,
    complete: `AND(${K('bad')}=0,${K('scored')}>0)`,
    composite: F.compositeValue(K('bad'), K('scored'), K('sum'), scale),
    maturityRank: F.maturityRank(absRef(namedCell(layout, FIELD.maturity)), LIST_NAME.maturity),
    declOk: `AND(${decl.map((d) => `${d}="是"`).join(',')})`,
    flagged: `COUNTIF(${ranks},"<0")`,
    refRank: F.ifChain([...TIER_KEYS].reverse().map((t) => [tc(t, CALC_TIER_COL.met), String(TIER_KEYS.indexOf(t) + 1)] as const), '0'),
    nextTier: `CHOOSE(${K('refRank')}+1,${TIER_KEYS.map((t) => str(TIER_LABELS[t])).join(',')},"无（已达到${TIER_LABELS.leading}）")`,
    nextUnmet: `CHOOSE(${K('refRank')}+1,${TIER_KEYS.map((t) => tc(t, CALC_TIER_COL.unmet)).join(',')},"")`,
    refWarning: `IF(${K('refRank')}<2,"",CHOOSE(${K('refRank')}-1,${TIER_KEYS.slice(1)
      .map((t) => {
        const thr = ruleset.tiers.find((x) => x.tier === t)?.compositeThreshold ?? 0;
        return `IF(${tc(t, CALC_TIER_COL.above)},"","综合得分 "&ROUND(${K('composite')},2)&" 分未高于${TIER_LABELS[t]}建议的场景自评门槛 ${thr} 分（参考等级不因此降低）。")`;
      })
      .join(',')}))`,
  };
  CALC_SCALARS.forEach((k, i) => {
    ws.getCell(`${CALC_SCALAR_COL.label}${CALC_SCALAR_FIRST_ROW + i}`).value = k;
    ws.getCell(`${CALC_SCALAR_COL.value}${CALC_SCALAR_FIRST_ROW + i}`).value = formula(scalarFormulas[k]);
  });

  // Tiers.
  const stageCol = (i: number): string => colLetter(CALC_TIER_COL.stageFirst + i);
  const tierHeaders = ['等级', '自评为该等级', '建设场景数', ...STAGE_KEYS.map((s) => STAGE_LABELS[s]), '得分高于门槛', '基础要求1-4', '得分高于60', '场景数', '环节', '成熟度', '门槛', '满足', '未覆盖环节', '尚需'];
  tierHeaders.forEach((h, i) => (ws.getCell(1, ws.getColumn(CALC_TIER_COL.tier).number + i).value = h));
  TIER_KEYS.forEach((t, i) => {
    const row = calcTierRow(t);
    const k = i + 1;
    const cond = ruleset.tiers.find((x) => x.tier === t);
    if (!cond) throw new RangeError(`ruleset lacks tier ${t}`);
    const set = (col: string, f: string): void => void (ws.getCell(`${col}${row}`).value = formula(f));
    ws.getCell(`${CALC_TIER_COL.tier}${row}`).value = TIER_LABELS[t];
    set(CALC_TIER_COL.rated, `COUNTIF(${ranks},${k})`);
    set(CALC_TIER_COL.count, F.tierCount(ranks, k, cumulative));
    STAGE_KEYS.forEach((s, j) => set(stageCol(j), F.stageCount(ranks, stages, k, s, cumulative)));
    set(CALC_TIER_COL.above, F.compositeAbove(K('complete'), K('sum'), K('scored'), cond.compositeThreshold, scale));
    set(CALC_TIER_COL.declOk, K('declOk'));
    set(CALC_TIER_COL.compOk, F.compositeAbove(K('complete'), K('sum'), K('scored'), BASIC_COMPOSITE_MIN, scale));
    set(CALC_TIER_COL.scenOk, `${tc(t, CALC_TIER_COL.count)}>=${cond.minScenarios}`);
    const stageCells: [StageKey, string][] = cond.stages.map((s) => [s, tc(t, stageCol(STAGE_KEYS.indexOf(s)))]);
    set(CALC_TIER_COL.stagesOk, `AND(${stageCells.map(([, c]) => `${c}>0`).join(',')})`);
    set(CALC_TIER_COL.matOk, `${K('maturityRank')}>=${cond.minMaturity}`);
    set(CALC_TIER_COL.thrOk, t === 'basic' ? 'TRUE' : tc(t, CALC_TIER_COL.above));
    const blocking = [CALC_TIER_COL.declOk, CALC_TIER_COL.compOk, CALC_TIER_COL.scenOk, CALC_TIER_COL.stagesOk, CALC_TIER_COL.matOk, ...(strict ? [CALC_TIER_COL.thrOk] : [])];
    set(CALC_TIER_COL.met, `AND(${blocking.map((c) => tc(t, c)).join(',')})`);
    set(CALC_TIER_COL.uncovered, F.uncoveredStages(stageCells));
    set(
      CALC_TIER_COL.unmet,
      F.unmetText(t, cond, {
        declarations: DECLARATION_KEYS.map((dk, j) => {
          const req = ruleset.basicRequirements.find((b) => b.declaration === dk);
          return { cell: decl[j] ?? '', no: req?.no ?? j + 1, label: req?.label ?? dk };
        }),
        composite: K('composite'),
        above60: tc(t, CALC_TIER_COL.compOk),
        count: tc(t, CALC_TIER_COL.count),
        uncovered: tc(t, CALC_TIER_COL.uncovered),
        maturityRank: K('maturityRank'),
        aboveThreshold: t === 'basic' ? null : tc(t, CALC_TIER_COL.above),
      }),
    );
  });
}

// ==================================================================== 评价结果

function resultsSheet(wb: ExcelJS.Workbook, ruleset: Ruleset): void {
  const ws = wb.addWorksheet(SHEET.results, { views: [{ showGridLines: false }] });
  widths(ws, [30, 12, 12, 11, 11, 11, 11, 11, 12]);
  title(ws, 'I', `${T.WORKBOOK_TITLE} — ${T.RES_TITLE}`);
  put(ws, 'A2', T.RES_NOTE, { font: S.FONT_SMALL, border: false, alignment: S.WRAP_MIDDLE });
  ws.mergeCells('A2:I2');
  const K = (k: CalcScalar): string => absRef(calcScalar(k));
  const tc = (t: TierKey, col: string): string => absRef(calcTierCell(t, col));
  const section = (row: number, text: string): void => {
    put(ws, `A${row}`, text, { font: S.FONT_SECTION, fill: S.FILL_SECTION });
    mergeBox(ws, `A${row}:I${row}`);
    ws.getRow(row).height = 22;
  };
  const line = (row: number, label: string, value: ExcelJS.CellValue, note: string, st: CellStyle = {}): void => {
    put(ws, `A${row}`, label, { font: S.FONT_HEADER });
    put(ws, `B${row}`, value, { fill: S.FILL_RESULT, alignment: S.CENTER, ...st });
    mergeBox(ws, `B${row}:C${row}`);
    put(ws, `D${row}`, note, { font: S.FONT_SMALL });
    mergeBox(ws, `D${row}:I${row}`);
    ws.getRow(row).height = Math.max(22, textHeight(note, 66, 9.5));
  };
  section(RES_ROW.sec1, '一、数字化转型自评价');
  line(RES_ROW.scored, '参与计分的指标数', formula(K('scored')), '等级与分数均填写正确、未选择「不涉及此环节」的二级指标数（指标7不计分）。');
  line(RES_ROW.na, '选择「不涉及此环节」的指标数', formula(K('na')), '该指标权重平均分配到其他指标（最终综合得分=其他问题的综合得分/其他问题的总分）。');
  line(RES_ROW.bad, '缺失或有误的指标数', formula(K('bad')), '请在「数字化转型自评价」中按「校验」栏提示更正；全部更正后才计算综合得分。');
  line(RES_ROW.composite, '综合得分', formula(K('composite')), '参与计分指标自评分数的平均值（显示保留两位小数，与门槛的比较按精确值进行）。', { numFmt: '0.00', font: S.FONT_SECTION });
  line(RES_ROW.suggested, '建议开展的场景自评等级', formula(F.highestTier(TIER_KEYS.map((t) => [t, tc(t, CALC_TIER_COL.above)] as const))),
    `综合得分高于${ruleset.tiers.map((t) => `${t.compositeThreshold}分建议${TIER_LABELS[t.tier]}`).join('、')}；「未达到」表示综合得分未算出或不高于${BASIC_COMPOSITE_MIN}分。`, { font: S.FONT_SECTION });

  section(RES_ROW.sec2, '二、场景自评价统计');
  headers(ws, RES_ROW.scHeader, ['等级', '自评为该等级的场景数', '建设场景数（该等级及以上）', ...STAGE_KEYS.map((s) => STAGE_LABELS[s]), '要求场景数']);
  ws.getRow(RES_ROW.scHeader).height = 36;
  TIER_KEYS.forEach((t, i) => {
    const row = RES_ROW.scFirst + i;
    const cond = ruleset.tiers.find((x) => x.tier === t);
    put(ws, `A${row}`, TIER_LABELS[t], { font: S.FONT_HEADER, alignment: S.CENTER });
    put(ws, `B${row}`, formula(tc(t, CALC_TIER_COL.rated)), { alignment: S.CENTER });
    put(ws, `C${row}`, formula(tc(t, CALC_TIER_COL.count)), { alignment: S.CENTER, fill: S.FILL_RESULT });
    STAGE_KEYS.forEach((_, j) => put(ws, `${colLetter(4 + j)}${row}`, formula(tc(t, colLetter(CALC_TIER_COL.stageFirst + j))), { alignment: S.CENTER }));
    put(ws, `I${row}`, cond?.minScenarios ?? null, { alignment: S.CENTER });
    ws.getRow(row).height = 20;
  });
  put(ws, `A${RES_ROW.flagged}`, '不计入任何等级的场景数', { font: S.FONT_HEADER });
  put(ws, `B${RES_ROW.flagged}`, formula(K('flagged')), { alignment: S.CENTER, fill: S.FILL_RESULT });
  mergeBox(ws, `B${RES_ROW.flagged}:C${RES_ROW.flagged}`);
  put(ws, `D${RES_ROW.flagged}`, '自评等级无描述（「/」）或无法识别的场景，请在「场景自评价」中按「校验」栏提示更正。', { font: S.FONT_SMALL });
  mergeBox(ws, `D${RES_ROW.flagged}:I${RES_ROW.flagged}`);
  ws.getRow(RES_ROW.flagged).height = 26;
  wrongIf(ws, `B${RES_ROW.flagged}`, `$B$${RES_ROW.flagged}>0`);

  section(RES_ROW.sec3, '三、智能工厂梯度等级条件');
  headers(ws, RES_ROW.condHeader, ['等级', '基础要求（1）–（4）', `综合得分高于${BASIC_COMPOSITE_MIN}分`, '建设场景数', '覆盖环节', '成熟度', '建议得分门槛', '结论', '']);
  ws.mergeCells(`H${RES_ROW.condHeader}:I${RES_ROW.condHeader}`);
  ws.getRow(RES_ROW.condHeader).height = 36;
  const yesNo = (c: string): string => `IF(${c},"满足","不满足")`;
  TIER_KEYS.forEach((t, i) => {
    const row = RES_ROW.condFirst + i;
    put(ws, `A${row}`, TIER_LABELS[t], { font: S.FONT_HEADER, alignment: S.CENTER });
    const cols: [string, string][] = [
      ['B', yesNo(tc(t, CALC_TIER_COL.declOk))],
      ['C', yesNo(tc(t, CALC_TIER_COL.compOk))],
      ['D', yesNo(tc(t, CALC_TIER_COL.scenOk))],
      ['E', yesNo(tc(t, CALC_TIER_COL.stagesOk))],
      ['F', yesNo(tc(t, CALC_TIER_COL.matOk))],
      ['G', t === 'basic' ? '"—"' : `IF(${tc(t, CALC_TIER_COL.above)},"满足","${ruleset.readings.compositeThresholdStrict ? '不满足' : '未达到（提示）'}")`],
      ['H', yesNo(tc(t, CALC_TIER_COL.met))],
    ];
    for (const [col, f] of cols) put(ws, `${col}${row}`, formula(f), { alignment: S.CENTER, ...(col === 'H' ? { font: S.FONT_HEADER } : {}) });
    mergeBox(ws, `H${row}:I${row}`);
    ws.getRow(row).height = 20;
    const ref = `B${row}:H${row}`;
    ws.addConditionalFormatting({
      ref,
      rules: [
        { type: 'expression', priority: 2, formulae: [`B${row}="满足"`], style: S.CF_GOOD },
        { type: 'expression', priority: 3, formulae: [`B${row}="不满足"`], style: S.CF_WRONG },
      ],
    });
  });

  section(RES_ROW.sec4, '四、参考等级与升级建议');
  line(RES_ROW.reference, '参考等级', formula(F.highestTier(TIER_KEYS.map((t) => [t, tc(t, CALC_TIER_COL.met)] as const))),
    '各项条件全部满足的最高等级；「未达到」表示尚未满足基础级条件。', { font: S.FONT_SECTION });
  const long = (row: number, label: string, f: string, height: number): void => {
    put(ws, `A${row}`, label, { font: S.FONT_HEADER });
    put(ws, `B${row}`, formula(f), { alignment: S.WRAP_MIDDLE });
    mergeBox(ws, `B${row}:I${row}`);
    ws.getRow(row).height = height;
  };
  long(RES_ROW.nextTier, '下一等级', K('nextTier'), 22);
  long(RES_ROW.nextUnmet, '达到下一等级尚需', K('nextUnmet'), 84);
  long(RES_ROW.warning, '提示', K('refWarning'), 30);
  printSetup(ws, false, null);
}

// ==================================================================== _meta and names

function metaSheet(wb: ExcelJS.Workbook, ruleset: Ruleset): void {
  const ws = wb.addWorksheet(SHEET.meta, { state: 'hidden' });
  const values: Record<(typeof META_ROWS)[number]['key'], string> = {
    template_id: TEMPLATE_ID,
    template_version: TEMPLATE_VERSION,
    ruleset_version: ruleset.version,
    readings_source: ruleset.readingsSource,
  };
  for (const m of META_ROWS) {
    ws.getCell(`A${m.row}`).value = m.key;
    ws.getCell(`B${m.row}`).value = values[m.key];
  }
}

/** The workbook as an ExcelJS object (tests inspect it; the CLI writes it). */
export async function buildTemplateWorkbook(ruleset: Ruleset = RULESET_2025): Promise<ExcelJS.Workbook> {
  const layout = buildLayout(ruleset);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'smart-factory-eval';
  wb.lastModifiedBy = 'smart-factory-eval';
  wb.title = T.WORKBOOK_TITLE;
  wb.created = TEMPLATE_DATE;
  wb.modified = TEMPLATE_DATE;
  wb.calcProperties = { fullCalcOnLoad: true };

  guideSheet(wb, ruleset);
  enterpriseSheet(wb);
  indicatorSheet(wb, ruleset, layout);
  bandsSheet(wb, ruleset);
  scenarioSheet(wb, ruleset, layout);
  resultsSheet(wb, ruleset);
  listsSheet(wb);
  calcSheet(wb, ruleset, layout);
  metaSheet(wb, ruleset);

  for (const [name, cell] of Object.entries(layout.names)) wb.definedNames.add(absRef(cell), name);
  for (const ws of wb.worksheets) await protect(ws);
  return wb;
}

export async function generateTemplate(ruleset: Ruleset = RULESET_2025): Promise<Buffer> {
  const wb = await buildTemplateWorkbook(ruleset);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
