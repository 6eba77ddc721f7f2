/**
 * The tutorial's numpy listing (tutorial_numpy.py) as a candidate: one python3 process,
 * warmed up once, asked for one timed run at a time so that its runs interleave with the
 * JavaScript ones.
 */
import {spawn, spawnSync} from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type {Candidate, Took} from './measure.js';

export type NumpyListing = {
	readonly candidate: Candidate;
	readonly versions: string;
	/** The last predicted of the last run, and that run's iterations. */
	readonly last: () => {predicted: number; iterations: number};
	readonly close: () => void;
};

const REPLY_MS = 30_000;

/** The listing's server, or why there is none (no python3, no numpy, or it failed). */
export async function startNumpy(benchSource: string): Promise<NumpyListing | string> {
	const check = spawnSync('python3', ['-c', 'import numpy'], {encoding: 'utf8', timeout: 20_000});
	if (check.error || check.status !== 0) {
		return check.error ? `python3: ${check.error.message}` : 'python3 has no numpy';
	}

	const child = spawn('python3', [path.join(benchSource, 'tutorial_numpy.py'), '--serve'], {stdio: ['pipe', 'pipe', 'pipe']});
	const lines = readline.createInterface({input: child.stdout});
	const waiting: Array<{resolve: (line: string) => void; reject: (error: Error) => void}> = [];
	lines.on('line', line => waiting.shift()?.resolve(line));
	let stderr = '';
	child.stderr.on('data', (data: Buffer) => {
		stderr += data.toString();
	});
	child.once('exit', () => {
		for (const waiter of waiting.splice(0)) {
			waiter.reject(new Error(`the numpy listing exited: ${stderr.trim().split('\n').at(-1) ?? ''}`));
		}
	});
	const reply = async (what: string) =>
		new Promise<string>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`the numpy listing did not answer ${what} within ${REPLY_MS / 1000} s`)), REPLY_MS);
			const settle =
				<T>(then: (value: T) => void) =>
				(value: T) => {
					clearTimeout(timer);
					then(value);
				};
			waiting.push({resolve: settle(resolve), reject: settle(reject)});
		});
	const close = () => {
		child.stdin.end();
		child.kill();
	};

	try {
		const hello = JSON.parse(await reply('its start')) as {python: string; numpy: string};
		let last = {predicted: Number.NaN, iterations: 0};
		const run = async (iterations: number): Promise<Took> => {
			child.stdin.write(`${iterations}\n`);
			const answer = JSON.parse(await reply(`a run of ${iterations}`)) as Took & {predicted: number};
			last = {predicted: answer.predicted, iterations};
			return {wallMs: answer.wallMs, cpuMs: answer.cpuMs};
		};

		return {
			candidate: {name: "tutorial's numpy listing", terms: 8, run},
			versions: `python ${hello.python}, numpy ${hello.numpy}`,
			last: () => last,
			close,
		};
	} catch (error) {
		close();
		return error instanceof Error ? error.message : String(error);
	}
}
