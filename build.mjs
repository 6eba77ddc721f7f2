// npm run build: one bundle per entry point (esbuild), production React, nothing loaded
// that a path does not use: the dashboard and the help are chunks of their own.
// --if-stale (npm start): builds only when a source is newer than the bundle.
// --bench: also the benchmark's entry points, into dist/bench.
// DESCENT_PROFILE=1: not minified, so that a CPU profile (node --cpu-prof) names the functions.
import fs from 'node:fs';
import process from 'node:process';
import path from 'node:path';

const SOURCES = ['cli.ts', 'source', 'build.mjs', 'package-lock.json'];
const STAMP = 'dist/cli.js';

function newest(file) {
	const stat = fs.statSync(file);
	return stat.isDirectory() ? Math.max(0, ...fs.readdirSync(file).map(name => newest(path.join(file, name)))) : stat.mtimeMs;
}

const bench = process.argv.includes('--bench');
if (process.argv.includes('--if-stale') && fs.existsSync(STAMP) && newest(STAMP) >= Math.max(...SOURCES.map(newest))) {
	process.exit(0);
}

// esbuild is loaded only when there is something to build
const {build} = await import('esbuild');
fs.rmSync('dist', {recursive: true, force: true});
const common = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	chunkNames: 'chunks/[name]-[hash]',
	minify: !process.env.DESCENT_PROFILE,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// ink loads react-devtools-core only when DEV=true; the bundle leaves it out
	external: ['react-devtools-core'],
	// a bundled CommonJS dependency may call require: give it one
	banner: {js: "import {createRequire as __descentRequire} from 'node:module'; const require = __descentRequire(import.meta.url);"},
	logLevel: 'warning',
	// the built-in lessons (source/lessons/*.md) are bundled as their text
	loader: {'.md': 'text'},
};
// descent.js: the library's entry (source/index.ts), what `import {…} from 'descent'` loads
await build({...common, entryPoints: {cli: 'cli.ts', worker: 'source/session/worker.ts', descent: 'source/index.ts'}, outdir: 'dist'});
if (bench) {
	await build({
		...common,
		entryPoints: {bench: 'bench/bench.ts', 'memory-probe': 'bench/memory-probe.ts', 'module-trace': 'bench/module-trace.ts'},
		outdir: 'dist/bench',
		minify: false,
	});
}
