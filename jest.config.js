import { availableParallelism } from 'node:os';

/** ESM TypeScript tests through ts-jest; `.js` import suffixes map back to the `.ts` sources. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test', '<rootDir>/providers'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // Jest's default on a 2-core machine is one worker, in band. The suites mostly wait on the
  // processes they start (git, the CLI, database servers, pre-commit): two workers ran the whole
  // suite in 9.5 minutes where one took 21, on the 2-core CI machine.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
};
