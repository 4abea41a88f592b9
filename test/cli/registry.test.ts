// The CLI loads only the domain of the command it runs (main/cli/registry.ts): the names listed for
// each domain must be exactly the ones it registers, or a command would be missing from its own run.
import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { commandRegistry, doneOnReturn, entriesFor } from '../../main/cli/registry';
import type { CliRuntime } from '../../main/cli/runtime';
import { cli } from '../support/cli';

const rt = {} as CliRuntime;

describe('the command registry', () => {
  test.each(commandRegistry.map((e) => [e.commands.join(' '), e] as const))('%s: the domain registers exactly these', async (_, entry) => {
    const program = new Command('recall-desk');
    (await entry.load())(program, rt);
    expect(program.commands.map((c) => c.name())).toEqual(entry.commands);
  });

  test('a command line loads its command’s domain only; help, no command or an unknown one load all', () => {
    const only = (argv: string[]) => entriesFor(argv).map((e) => e.commands[0]);
    expect(only(['lookup', 'JTHBE96S170007930', '--db', 'x.sqlite'])).toEqual(['lookup']);
    expect(only(['--user', 'ann', '--server', 'https://pc:8443', 'holds', '--csv'])).toEqual(['holds']);
    expect(only(['--user=ann', 'check', 'list.txt'])).toEqual(['lookup']);
    expect(only(['help', 'book'])).toEqual(['techs']);
    expect(only(['users', 'add', 'ann'])).toEqual(['users']);
    const all = commandRegistry.map((e) => e.commands[0]);
    for (const argv of [[], ['--help'], ['-v'], ['help'], ['lokup', 'X'], ['--db', 'x', 'lookup']]) expect(only(argv)).toEqual(all);
  });

  test('a lookup is done when it returns; help, other commands and no command are not said to be', () => {
    expect(doneOnReturn(['lookup', 'JTHBE96S170007930', '--db', 'x.sqlite'])).toBe(true);
    expect(doneOnReturn(['--user', 'ann', 'lookup', 'JTHBE96S170007930'])).toBe(true);
    for (const argv of [[], ['--help'], ['help', 'lookup'], ['check', 'list.txt'], ['campaigns'], ['import-vins', 'list.csv'], ['--db', 'x', 'lookup']])
      expect(doneOnReturn(argv)).toBe(false);
  });

  test('the whole help still lists every command, and a command’s help and errors are its own', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of commandRegistry.flatMap((e) => e.commands)) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const lookupHelp = cli(['help', 'lookup']);
    expect(lookupHelp.code).toBe(0);
    expect(lookupHelp.stdout).toMatch(/^Usage: recall-desk lookup \[options\] <VIN>/);
    const typo = cli(['lokup', 'JTHBE96S170007930']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Unknown command "lokup"[\s\S]*lookup/);
  });
});
