import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build tests run `astro build` on fixture sites; a cold build takes a few seconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
