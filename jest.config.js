// Jest runs TypeScript through SWC; browser tests live in test/browser and run in the same suite.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  testTimeout: 60000,
};
