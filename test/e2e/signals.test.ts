import fs from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {afterDashboard, startDashboard, startTerminal, closeTerminalsAfterEach} from './terminals.js';

closeTerminalsAfterEach();

const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

/** The weights a headless run from this checkpoint ends with, and those of a straight run to the same iteration. */
async function resumesExactly(cwd: string, file: string): Promise<void> {
	const checkpoint = JSON.parse(fs.readFileSync(path.join(cwd, file), 'utf8')) as {training: {iteration: number}};
	const iteration = checkpoint.training.iteration;
	const resumed = await runCli(['--load', file, '--iterations', String(iteration + 500), '--headless', '--json'], {cwd});
	const straight = await runCli(['--seed', '0', '--iterations', String(iteration + 500), '--headless', '--json'], {cwd});
	expect(resumed.code).toBe(0);
	expect((JSON.parse(resumed.stdout) as {weights: unknown}).weights).toEqual((JSON.parse(straight.stdout) as {weights: unknown}).weights);
}

test.each([
	['SIGINT', 130],
	['SIGTERM', 143],
	['SIGHUP', 129],
] as const)('%s while running writes the --save checkpoint, which --load resumes exactly; exit %i', async (signal, code) => {
	const term = await startDashboard(['--seed', '0', '--speed', '100000', '--save', 'run.json'], {cols: 100, rows: 30});
	await term.waitFor(/running · iteration [1-9]/);
	process.kill(term.pid, signal);
	const result = await term.exit();
	expect(result.exitCode).toBe(code);
	expect(result.output).not.toMatch(/Error:|at .*\(node:/);
	if (signal !== 'SIGHUP') {
		expect(result.output).toContain(LEAVE_ALTERNATE_SCREEN);
		expect(afterDashboard(result.output).join('\n')).toMatch(/wrote checkpoint run\.json at iteration [\d,]+/);
	}

	await resumesExactly(term.cwd!, 'run.json');
});

test('Ctrl-C before raw mode is on (a SIGINT) still restores the terminal and prints the summary', async () => {
	const term = startTerminal(['--seed', '0', '--paused'], {cols: 100, rows: 30});
	await term.waitFor('iteration 0 / 80,000');
	process.kill(term.pid, 'SIGINT');
	const result = await term.exit();
	expect(result.output).toContain(LEAVE_ALTERNATE_SCREEN);
	expect(afterDashboard(result.output)[1]).toMatch(/^paused at iteration 0 \/ 80,000/);
});

test('Ctrl-C as a key quits like q, with exit code 0', async () => {
	const term = await startDashboard(['--seed', '0', '--paused'], {cols: 100, rows: 30});
	await term.press('ctrl-c');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
	expect(afterDashboard(result.output)[1]).toMatch(/^paused at iteration 0 \/ 80,000/);
});

test('quit while paused after two steps: the reproduce line runs to iteration 2, and gives the weights the run quit with (issue 21)', async () => {
	const term = await startDashboard(['--seed', '0', '--paused', '--save', 'run.json'], {cols: 100, rows: 30});
	await term.press('s');
	await term.waitFor('iteration 1 / 80,000');
	await term.press('s');
	await term.waitFor('iteration 2 / 80,000');
	await term.press('ctrl-c');
	const result = await term.exit();
	const lines = afterDashboard(result.output);
	expect(lines[1]).toMatch(/^paused at iteration 2 \/ 80,000/);
	const reproduce = lines.find(line => line.startsWith('reproduce: '));
	expect(reproduce).toBe('reproduce: descent --iterations 2 --seed 0');
	const again = await runCli([...reproduce!.split(' ').slice(2), '--headless', '--json'], {cwd: term.cwd!});
	const checkpoint = JSON.parse(fs.readFileSync(path.join(term.cwd!, 'run.json'), 'utf8')) as {training: {iteration: number; weights: unknown}};
	expect(checkpoint.training.iteration).toBe(2);
	expect((JSON.parse(again.stdout) as {weights: unknown}).weights).toEqual(checkpoint.training.weights);
});
