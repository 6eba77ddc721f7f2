import {spawn} from 'node:child_process';
import {expect, test} from 'vitest';
import {CLI} from './terminals.js';

/** Runs the built program with pipes for stdin and stdout, as a pipeline or CI would. */
async function piped(args: readonly string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
		child.stdin.end();
	});
}

test('with piped stdin (no --headless) it trains headless, with a one-line note on stderr', async () => {
	const result = await piped(['--seed', '0', '--iterations', '1000']);
	expect(result.code).toBe(0);
	expect(result.stderr).toBe('descent: not a terminal (stdin or stdout is piped), so training headless; use --headless to silence this note\n');
	expect(result.stdout).toContain('done: 1,000 iterations');
});

test('with --headless there is no note', async () => {
	const result = await piped(['--seed', '0', '--iterations', '1000', '--headless']);
	expect(result.code).toBe(0);
	expect(result.stderr).toBe('');
});
