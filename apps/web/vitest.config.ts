import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Pure modules run in Node; a test file that needs the DOM opts in with
    // a `// @vitest-environment jsdom` comment on its first line.
    environment: 'node',
    testTimeout: 10_000,
  },
});
