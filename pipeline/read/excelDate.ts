// Excel serial day numbers → ISO dates, honouring the 1904 date system. Serial 60 (the phantom
// 1900-02-29) and earlier are off by one in the 1900 system; fill dates are never that old, and using the
// same arithmetic as ExcelJS keeps the two readers comparable.

const DAY_MS = 24 * 3600 * 1000;

export function excelSerialToIso(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  return isoOfUtc(new Date(ms));
}

/** A Date taken as UTC wall-clock (as ExcelJS produces them) → YYYY-MM-DD, with the time only when present. */
export function isoOfUtc(d: Date): string {
  const iso = d.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? day : `${day}T${time}`;
}

const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format shows a date or time (quoted text and [..] sections ignored, as ExcelJS does). */
export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (formatCode === undefined) return BUILTIN_DATE_IDS.has(numFmtId);
  const f = formatCode.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}
