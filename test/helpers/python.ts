import {execFile} from 'node:child_process';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** python3 with one BLAS thread: the scripts' arrays are small, and the tests run side by side on two cores. */
const ENV = {...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1'};

/**
 * Fails (never skips) when python3 or numpy is missing: the exported scripts are checked
 * by running them, and a machine without numpy cannot check them.
 */
export async function requireNumpy(): Promise<void> {
	try {
		await run('python3', ['-c', 'import numpy'], {env: ENV});
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'python3 is not installed' : 'python3 cannot import numpy';
		throw new Error(`this test runs the exported numpy scripts and needs python3 with numpy: ${reason}`);
	}
}

/** Runs `python3 file`; resolves with its stdout and stderr (rejects when it fails). */
export async function runPython(file: string, cwd?: string): Promise<{stdout: string; stderr: string}> {
	return run('python3', [file], {env: ENV, cwd, maxBuffer: 64 * 1024 * 1024});
}

// runs each script named as `python3 FILE` would, its output kept apart: numpy is imported once (0.6 s of CPU each time here)
const DRIVER = `
import contextlib, io, json, runpy, sys
for path in sys.argv[1:]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(path, run_name="__main__")
    sys.stdout.write(json.dumps(out.getvalue()) + "\\n")
`;

/** Runs the scripts in `processes` python3 processes side by side; resolves with each one's stdout, in order. */
export async function runScripts(files: readonly string[], processes = 2): Promise<string[]> {
	const groups = Array.from({length: processes}, (_, p) => files.filter((_, k) => k % processes === p));
	const outputs = await Promise.all(
		groups.map(async group => (await run('python3', ['-c', DRIVER, ...group], {env: ENV, maxBuffer: 64 * 1024 * 1024})).stdout.trimEnd().split('\n')),
	);
	return files.map((_, k) => JSON.parse(outputs[k % processes]![Math.floor(k / processes)]!) as string);
}

/** The JSON object a script prints as its last line. */
export function lastJson<T>(stdout: string): T {
	return JSON.parse(stdout.trimEnd().split('\n').at(-1)!) as T;
}
