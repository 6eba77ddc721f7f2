import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// the end-to-end tests start the built program in pseudo-terminals; keep them from starving each other
		maxWorkers: 2,
		testTimeout: 30_000,
	},
});
