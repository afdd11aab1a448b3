// Excel shows a message only for #VALUE! and #N/A raised as CustomFunctions.Error; a returned "#VALUE!"
// string would be text, and a plain exception shows no reason. Every failure goes through these two.

/** The argument itself is wrong (unreadable, wrong size, out of range): #VALUE! with the reason. */
export function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** The arguments are readable but the answer does not exist yet (e.g. composite incomplete): #N/A. */
export function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}
