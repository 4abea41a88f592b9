// Stryker's vitest runner for Vitest 5 (`testRunner: "vitest-chain"` in stryker.config.json).
//
// @stryker-mutator/vitest-runner 9.6.1 (and 10.0.0) runs each mutant against the tests that covered it,
// selected by a `testNamePattern` made of their names with suites and test joined by a space
// ("describe test"). Vitest 5 matches that pattern against the full chain joined by " > "
// ("describe > test"; Vitest 5 migration guide, "testNamePattern Matches Full Chain with >"), so the
// pattern matches no test, every mutant run executes zero tests, and every covered mutant is reported
// "Survived" (stryker-js issue #6210; fixed in no release yet). This wraps the stock runner and lets a
// space in that pattern match " > " too; everything else is the stock runner.
import fs from 'node:fs';
import path from 'node:path';
import { commonTokens, declareClassPlugin, declareFactoryPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';

const stock = vitestPlugins.find((p) => p.name === 'vitest').factory;

/** The runner's pattern ("describe test", names escaped, spaces not) made to match "describe > test" as well. */
export function chainPattern(pattern) {
  return pattern instanceof RegExp ? new RegExp(pattern.source.replaceAll(' ', '(?: > | )'), pattern.flags) : pattern;
}

function createRunner(injector) {
  const runner = injector.injectFunction(stock);
  const init = runner.init.bind(runner);
  runner.init = async () => {
    await init();
    for (const project of runner.ctx.projects) {
      let pattern = chainPattern(project.config.testNamePattern);
      Object.defineProperty(project.config, 'testNamePattern', {
        configurable: true,
        enumerable: true,
        get: () => pattern,
        set: (value) => {
          pattern = chainPattern(value);
        },
      });
    }
  };
  return runner;
}
createRunner.inject = tokens(commonTokens.injector);

/**
 * `reporters: ["mutant-log"]`: each mutant's result as one JSON line the moment it is known
 * (reports/mutation/mutants.jsonl), so the survivors of a long run can be read while it runs.
 */
class MutantLog {
  file = path.resolve('reports/mutation/mutants.jsonl');
  constructor() {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, '');
  }
  onMutantTested(m) {
    const { id, fileName, mutatorName, replacement, location, status, statusReason, testsCompleted } = m;
    const line = {
      id,
      file: path.relative(process.cwd(), fileName),
      line: location.start.line,
      mutatorName,
      replacement,
      status,
      statusReason,
      testsCompleted,
    };
    fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

export const strykerPlugins = [
  declareFactoryPlugin(PluginKind.TestRunner, 'vitest-chain', createRunner),
  declareClassPlugin(PluginKind.Reporter, 'mutant-log', MutantLog),
];
