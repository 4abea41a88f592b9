// The `z` the contracts build their schemas with: zod's own, except that a schema is built the first
// time it is used (parsed with, asked its shape), not when its module loads. A command that calls one
// operation then pays for that operation's schemas only, not for the ~200 of every domain that
// shared/api.ts gathers (building them all was over half the CPU of `recall-desk lookup`).
// Types are zod's: `z.output<typeof X>` and the rest read as before.
export * as z from './lazy-zod-members';
