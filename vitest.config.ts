import {defineConfig} from 'vitest/config';

export default defineConfig({
	// the built-in lessons (source/lessons/*.md) are imported as their text, as build.mjs bundles them
	plugins: [{name: 'markdown-as-text', transform: (code, id) => (id.endsWith('.md') ? `export default ${JSON.stringify(code)};` : undefined)}],
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// the end-to-end tests start the built program in pseudo-terminals; keep them from starving each other
		maxWorkers: 2,
		testTimeout: 30_000,
	},
});
