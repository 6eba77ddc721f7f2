// npm run build: one bundle per entry point (esbuild), production React, nothing loaded
// that a path does not use: the dashboard and the help are chunks of their own.
// --if-stale (npm start): builds only when a source is newer than the bundle.
// --bench: also the benchmark's entry points, into dist/bench.
// DESCENT_PROFILE=1: not minified, so that a CPU profile (node --cpu-prof) names the functions.
// dist/matrix.node: the batched matrix path (source/core/maths/native/matrix.cc), built with the
// machine's C++ compiler ($CXX, else g++) and Node's headers; without them, one line says so and
// training keeps its scalar path (source/core/training/matrix.ts).
import {spawnSync} from 'node:child_process';
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

// the matrix path for this machine: its own vector instructions (AVX2 with FMA here) and glibc's vector maths
const MATRIX_SOURCE = 'source/core/maths/native/matrix.cc';
function buildMatrix() {
	const headers = [path.join(path.dirname(process.execPath), '..', 'include', 'node'), '/usr/include/node'].find(dir =>
		fs.existsSync(path.join(dir, 'node_api.h')),
	);
	if (!headers) {
		return "Node's headers (node_api.h) are not installed";
	}

	const compiler = process.env.CXX || 'g++';
	const common = ['-O3', '-fno-math-errno', '-std=c++17', '-shared', '-fPIC', '-pthread', `-I${headers}`, MATRIX_SOURCE, '-o', 'dist/matrix.node'];
	let last = '';
	for (const flags of [['-march=native', '-lmvec'], []]) {
		const result = spawnSync(compiler, [...common, ...flags], {encoding: 'utf8'});
		if (result.status === 0) {
			return undefined;
		}

		last = result.error ? result.error.message : result.stderr.trim().split('\n')[0];
	}

	return last;
}

const notBuilt = buildMatrix();
if (notBuilt) {
	process.stderr.write(`build: dist/matrix.node not built (${notBuilt}); training keeps its scalar path\n`);
}
