import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, test} from 'vitest';
import {runCli, startCli, temporaryFolder, type Running} from '../helpers/run-cli.js';

const folder = temporaryFolder('signals');
const file = (name: string) => path.join(folder, name);

// a hook loaded before the program: it marks the moment the program's own signal handlers are in place (SIGHUP is the last of the three)
const hook = file('ready-hook.mjs');
fs.writeFileSync(
	hook,
	[
		"import fs from 'node:fs';",
		'const on = process.on;',
		'process.on = function (event, ...rest) {',
		'\tconst result = on.call(this, event, ...rest);',
		"\tif (event === 'SIGHUP' && process.env.DESCENT_READY) fs.writeFileSync(process.env.DESCENT_READY, '');",
		'\treturn result;',
		'};',
	].join('\n'),
);

/** Starts a run that would take hours, and resolves once its signal handlers are in place and it has trained a little. */
async function startLongRun(name: string, args: readonly string[]): Promise<Running> {
	const ready = file(`${name}.ready`);
	const running = startCli(['--headless', '--iterations', '300000000', '--seed', '0', ...args], {
		cwd: folder,
		env: {...process.env, DESCENT_READY: ready},
		nodeOptions: ['--import', pathToFileURL(hook).href],
	});
	const started = Date.now();
	while (!fs.existsSync(ready)) {
		if (running.child.exitCode !== null || Date.now() - started > 15_000) {
			throw new Error(`the run did not start: ${running.stderr()}`);
		}

		await new Promise(resolve => setTimeout(resolve, 20));
	}

	await new Promise(resolve => setTimeout(resolve, 200));
	return running;
}

const iterationOf = (stdout: string) => Number(/^stopped at iteration ([\d,]+) \/ 300,000,000 after/m.exec(stdout)?.[1]?.replaceAll(',', ''));

describe.concurrent('descent --headless and signals', () => {
	test('SIGINT: exit 130, the checkpoint written and loadable, the summary printed', async () => {
		const running = await startLongRun('int', ['--save', 'run.json']);
		running.child.kill('SIGINT');
		const result = await running.done;
		expect(result.code, result.stderr).toBe(130);
		// with stderr a pipe there is no progress line to end: nothing but the summary is written
		expect(result.stderr).toBe('');
		const iteration = iterationOf(result.stdout);
		expect(iteration).toBeGreaterThan(0);
		expect(result.stdout).toContain(`wrote checkpoint run.json at iteration ${iteration.toLocaleString('en-US')}`);
		// the run as far as it went: the summary's numbers, not the whole limit's
		expect(result.stdout).toMatch(new RegExp(`^reproduce: descent --iterations ${iteration} --headless --seed 0$`, 'm'));
		expect(result.stdout.endsWith('\n')).toBe(true);

		const checkpoint = JSON.parse(fs.readFileSync(file('run.json'), 'utf8')) as {training: {iteration: number}};
		expect(checkpoint.training.iteration).toBe(iteration);
		const resumed = await runCli(['--headless', '--json', '--load', 'run.json', '--iterations', String(iteration + 10)], {cwd: folder});
		expect(resumed.code, resumed.stderr).toBe(0);
		expect(JSON.parse(resumed.stdout)).toMatchObject({status: 'done', iterations: iteration + 10, seed: 0});
	});

	test('SIGTERM: exit 143, after the summary', async () => {
		const running = await startLongRun('term', []);
		running.child.kill('SIGTERM');
		const result = await running.done;
		expect(result.code).toBe(143);
		expect(iterationOf(result.stdout)).toBeGreaterThan(0);
	});

	test('SIGHUP: exit 129', async () => {
		const running = await startLongRun('hup', ['--history', 'hup.csv']);
		running.child.kill('SIGHUP');
		const result = await running.done;
		expect(result.code).toBe(129);
		const rows = fs.readFileSync(file('hup.csv'), 'utf8').trimEnd().split('\n');
		expect(rows.at(-1)!.split(',')[0]).toBe(String(iterationOf(result.stdout)));
	});

	test('--every N streams: the header and the first rows arrive while it runs', async () => {
		const running = await startLongRun('every', ['--every', '1000']);
		const seen = await running.waitForStdout(stdout => stdout.split('\n').length > 3);
		// it is still training: the rows came before the end
		expect(running.child.exitCode).toBeNull();
		const [header, first, second] = seen.split('\n');
		expect(header).toBe('iteration,error,predicted');
		expect(first).toMatch(/^1000,0\.\d+,0\.\d+$/);
		expect(second).toMatch(/^2000,/);
		running.child.kill('SIGINT');
		const result = await running.done;
		expect(result.code).toBe(130);
		// rows only: no summary on stdout
		expect(
			result.stdout
				.split('\n')
				.slice(1, -1)
				.every(row => /^\d+,[^,]+,[^,]+$/.test(row)),
		).toBe(true);
	});
});
