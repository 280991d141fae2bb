/** An error the user can fix (bad flag, unreadable file). Printed as one line; exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Also true for a CliError thrown by a command bundle loaded at run time (dist/*.cjs), whose
 * class is a copy of this one.
 */
export function isCliError(error: unknown): error is CliError {
  return error instanceof Error && error.name === 'CliError' && ((error as CliError).exitCode === 1 || (error as CliError).exitCode === 2);
}
