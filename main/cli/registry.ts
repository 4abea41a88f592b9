// The CLI command registry: each domain's commands, in the order `recall-desk --help` lists them.
// Only the names are here: a domain's module (and all it imports) is loaded when one of its commands
// runs, so `recall-desk lookup` does not pay for the forms, the imports or the LAN server
// (test/cli/registry.test.ts checks that each domain registers exactly the names listed).
import type { CommandRegistrar } from './runtime';

export type RegistryEntry = {
  /** The top-level commands the domain registers. */
  commands: readonly string[];
  /**
   * Those of its commands whose work is all done when they return: nothing of theirs runs after (no
   * write left in the background, no output left in a stream). Their process may end there (bin.ts).
   */
  doneOnReturn?: readonly string[];
  load: () => Promise<CommandRegistrar>;
};

export const commandRegistry: readonly RegistryEntry[] = [
  { commands: ['lookup', 'check'], doneOnReturn: ['lookup'], load: async () => (await import('../lookup/commands')).lookupCommands },
  { commands: ['campaigns', 'import-bulletin', 'export-bulletin'], load: async () => (await import('../campaigns/commands')).campaignCommands },
  { commands: ['import-vins', 'import-vehicles'], load: async () => (await import('../imports/commands')).importCommands },
  { commands: ['import-nhtsa'], load: async () => (await import('../nhtsa/commands')).nhtsaCommands },
  { commands: ['changes'], load: async () => (await import('../changes/commands')).changeCommands },
  { commands: ['holds', 'followup'], load: async () => (await import('../reports/commands')).reportCommands },
  { commands: ['parts', 'stock', 'suggest'], load: async () => (await import('../parts/commands')).partsCommands },
  {
    commands: ['techs', 'book', 'wait', 'appointments', 'appointment', 'complete'],
    load: async () => (await import('../appointments/commands')).appointmentCommands,
  },
  { commands: ['claims'], load: async () => (await import('../claims/commands')).claimCommands },
  { commands: ['settings'], load: async () => (await import('../settings/commands')).settingsCommands },
  { commands: ['form', 'forms'], load: async () => (await import('../forms/commands')).formCommands },
  { commands: ['serve'], load: async () => (await import('../server/commands')).serverCommands },
  { commands: ['users', 'audit'], load: async () => (await import('../accounts/commands')).accountCommands },
  { commands: ['connect', 'backup', 'restore'], load: async () => (await import('../lan/commands')).lanCommands },
];

/** The program's own options that take a value (`recall-desk --user NAME lookup ...`). */
const GLOBAL_VALUE_OPTIONS = new Set(['--user', '--server', '--fingerprint']);

/** A command line's first two words (its command; for `help COMMAND`, the command helped with); null when an option comes first. */
function commandWords(argv: readonly string[]): string[] | null {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (GLOBAL_VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
    // Any other option before the command (--help, --version, -h): the program's own answer, with all.
    else if (words.length === 0 && !a.includes('=')) return null;
  }
  return words;
}

/** Whether the command line runs a command whose work is all done when it returns (doneOnReturn). */
export function doneOnReturn(argv: readonly string[]): boolean {
  const name = commandWords(argv)?.[0];
  return name !== undefined && commandRegistry.some((e) => e.doneOnReturn?.includes(name));
}

/**
 * The domains a command line needs: the one that owns its command (`help COMMAND` too); every domain
 * when there is no command, or one not listed (the program's help and "Unknown command" list them all).
 */
export function entriesFor(argv: readonly string[]): readonly RegistryEntry[] {
  const words = commandWords(argv);
  if (!words) return commandRegistry;
  const name = words[0] === 'help' ? words[1] : words[0];
  const owner = name === undefined ? undefined : commandRegistry.find((e) => e.commands.includes(name));
  return owner ? [owner] : commandRegistry;
}
