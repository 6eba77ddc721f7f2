import {spawnSync} from 'node:child_process';
import path from 'node:path';

/** The numpy reference scripts (test/reference/). */
export const referenceFolder = path.join(import.meta.dirname, '..', 'reference');

/**
 * Runs a numpy reference script and parses the one JSON value it prints. Without python3
 * or numpy this throws one line saying so: the test fails, it is never skipped.
 */
export function runNumpy(script: string, args: readonly string[]): unknown {
	const result = spawnSync('python3', [path.join(referenceFolder, script), ...args], {encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000});
	if (result.error) {
		throw new Error(`python3 with numpy is needed for the numpy reference (${result.error.message})`);
	}

	if (result.status !== 0) {
		throw new Error(`${script} failed: ${result.stderr.trim().split('\n').at(-1) ?? ''}`);
	}

	return JSON.parse(result.stdout) as unknown;
}
