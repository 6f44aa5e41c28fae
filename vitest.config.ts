import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build tests run `astro build` on fixture sites; a cold build takes a few seconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Run everything, builds included, in a time zone far from UTC (UTC+14): a date that
    // is shown as the wrong day anywhere fails a test instead of only confusing readers.
    env: { TZ: 'Pacific/Kiritimati' },
  },
});
