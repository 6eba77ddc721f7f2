import {spawn} from 'node:child_process';
import path from 'node:path';

/** The built program, as `npm test` leaves it (tests run it as a user would). */
export const cli = path.join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export type CliResult = {readonly code: number | null; readonly stdout: string; readonly stderr: string};

/**
 * Runs `node dist/cli.js ...args` with pipes for stdin, stdout and stderr (so never a
 * terminal), and resolves when it exits.
 */
export async function runCli(
	args: readonly string[],
	{cwd, env, nodeOptions = []}: {cwd?: string; env?: NodeJS.ProcessEnv; nodeOptions?: readonly string[]} = {},
): Promise<CliResult> {
	return runNode([...nodeOptions, cli, ...args], {cwd, env});
}

/** Runs `node ...args`; stdin is an empty pipe. */
export async function runNode(args: readonly string[], {cwd, env}: {cwd?: string | undefined; env?: NodeJS.ProcessEnv | undefined} = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, {cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', code => {
			resolve({code, stdout, stderr});
		});
		child.stdin.end();
	});
}
