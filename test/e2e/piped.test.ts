import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, expect, test} from 'vitest';
import {CLI, terminalEnvironment} from './terminal.js';

const children = new Set<ReturnType<typeof spawn>>();
afterEach(() => {
	for (const child of children) {
		child.kill('SIGKILL');
	}

	children.clear();
});

/** Runs descent with stdin, stdout and stderr piped (no terminal at all). */
async function runPiped(args: readonly string[], timeoutMs = 15_000) {
	const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-e2e-'));
	try {
		return await new Promise<{code: number | null; stdout: string; stderr: string}>((resolve, reject) => {
			const child = spawn(process.execPath, [CLI, ...args], {cwd, env: terminalEnvironment(), stdio: ['pipe', 'pipe', 'pipe']});
			children.add(child);
			let stdout = '';
			let stderr = '';
			child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
			child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`descent ${args.join(' ')} did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
			}, timeoutMs);
			child.on('error', reject);
			child.on('close', code => {
				clearTimeout(timer);
				children.delete(child);
				resolve({code, stdout, stderr});
			});
			child.stdin.end();
		});
	} finally {
		fs.rmSync(cwd, {recursive: true, force: true});
	}
}

test('with piped stdin (no --headless) it trains headless, with a one-line note on stderr', async () => {
	const result = await runPiped(['--seed', '0', '--iterations', '2000']);
	expect(result.code).toBe(0);
	const note = result.stderr.split('\n').filter(line => line.length > 0);
	expect(note).toHaveLength(1);
	expect(note[0]).toMatch(/^descent: not a terminal/);
	expect(note[0]).toContain('--headless');
	// no dashboard: no escape sequences, no alternate screen
	expect(result.stdout).not.toContain('\u001B[');
	expect(result.stdout).toMatch(/seed 0/);
	expect(result.stdout).toMatch(/2,000 iterations/);
	expect(result.stdout).toMatch(/reproduce: descent .*--seed 0/);
});

test('with --headless and piped stdin there is no note', async () => {
	const result = await runPiped(['--headless', '--seed', '0', '--iterations', '2000']);
	expect(result.code).toBe(0);
	expect(result.stderr).toBe('');
	expect(result.stdout).toMatch(/2,000 iterations/);
});
