// A stand-in for Excel's CustomFunctions global (Error, ErrorCode, associate) so the worksheet functions run
// under Node as they do in Excel's runtime.
export class CustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export function installCustomFunctions(): Map<string, unknown> {
  const associated = new Map<string, unknown>();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: CustomFunctionError,
    ErrorCode: ERROR_CODES,
    associate: (id: string, fn: unknown) => associated.set(id, fn),
  };
  return associated;
}

/** The Excel error a call raises (code and message), or fails the test when it returns normally. */
export function excelError(call: () => unknown): { code: string; message: string } {
  try {
    const v = call();
    throw new Error(`expected an Excel error, got ${JSON.stringify(v)}`);
  } catch (e) {
    if (e instanceof CustomFunctionError) return { code: e.code, message: e.message };
    throw e;
  }
}
