// One error type for everything the CLI can report: `what` went wrong and `hint` what to do about it,
// printed as a single line (plus an optional log tail) before a non-zero exit.
export class StackError extends Error {
  constructor(what, hint, { logTail } = {}) {
    super(what);
    this.name = 'StackError';
    this.hint = hint;
    this.logTail = logTail;
  }
}
