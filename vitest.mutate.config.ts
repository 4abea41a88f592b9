// The tests that hold the rule files, for mutation testing (`npm run mutate`): the rules' unit tests and
// the parts / service-lane scenarios on real SQLite files. Not the CLI or e2e tests (minutes per mutant).
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The rules' unit tests first, then the booking offers, then the scenarios: a mutant is killed by its
 * first failing test (Stryker bails), and the pure rules' tests take milliseconds where a scenario takes seconds.
 */
class RulesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) =>
      f.moduleId.includes('/test/unit/') ? 0 : f.moduleId.endsWith('/booking-offer.test.ts') || f.moduleId.endsWith('/booking-goodwill.test.ts') ? 1 : 2;
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: [
      'test/unit/rules-held.test.ts',
      'test/unit/phases.test.ts',
      'test/service/booking-offer.test.ts',
      'test/service/booking-goodwill.test.ts',
      'test/service/ledger-rules.test.ts',
      'test/service/part-ledger.test.ts',
      'test/service/parts-write-answer.test.ts',
      'test/service/ledger-kept.test.ts',
      'test/service/ledger-kept-file.test.ts',
      'test/service/ledger-fold-same.test.ts',
      'test/service/complete-used-key.test.ts',
      'test/service/suggest-rules.test.ts',
      'test/service/suggest-pick.test.ts',
      'test/service/suggest-quantities.test.ts',
      'test/service/suggest-keys.test.ts',
      'test/service/suggest-stock-lines-same.test.ts',
      'test/service/cpor-*.test.ts',
      'test/service/lane-*.test.ts',
      'test/service/parts-scenarios.test.ts',
    ],
    setupFiles: ['test/support/mutate-setup.ts'],
    environment: 'node',
    pool: 'forks',
    // One module graph for every run: a mutant is switched on at run time, so nothing is reloaded (4x faster).
    isolate: false,
    sequence: { sequencer: RulesFirst },
    testTimeout: 60_000,
  },
});
