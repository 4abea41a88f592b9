// The CLI's two kinds of failure a command raises on purpose, apart from the runtime so that every
// helper (password prompts included) can raise them without importing the whole runtime.

/** Bad input: the message goes to stderr and the exit code is 2. */
export class UsageError extends Error {}
/** The command ran and did not succeed (an import failed or was cancelled): exit 1, the message on stderr. */
export class CommandFailed extends Error {}
