// The tests that hold the rule files, for mutation testing (`npm run mutate`): the rules' unit tests and
// the parts / service-lane scenarios on real SQLite files. Not the CLI or e2e tests (minutes per mutant).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/rules-held.test.ts',
      'test/unit/phases.test.ts',
      'test/unit/match.test.ts',
      'test/service/lane-*.test.ts',
      'test/service/booking-offer.test.ts',
      'test/service/parts-scenarios.test.ts',
      'test/service/lookup-answers.test.ts',
    ],
    setupFiles: ['test/support/mutate-setup.ts'],
    environment: 'node',
    pool: 'forks',
    isolate: false,
    testTimeout: 60_000,
  },
});
