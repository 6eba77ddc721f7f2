import {expect, test} from 'vitest';
import {afterDashboard, startDashboard, startTerminal, useTerminals} from './terminal.js';

useTerminals();

const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

test('keys that arrive together (typed fast, held down, pasted) each count', async () => {
	const term = await startDashboard(['--seed', '0', '--paused'], {cols: 120, rows: 40});
	// one write: the program reads "sss" at once
	await term.press('sss');
	await term.waitFor('iteration 3 / 80,000');
	await term.press('jj');
	await term.waitFor('Chain of W31 (x3 → h1)');
});

test('Ctrl-C before raw mode is on (a SIGINT) still restores the terminal and prints the summary', async () => {
	const term = startTerminal(['--seed', '0', '--paused'], {cols: 100, rows: 30});
	// the first frame is drawn before Ink switches raw mode on: Ctrl-C is a signal then
	await term.waitFor('iteration 0 / 80,000');
	process.kill(term.pid, 'SIGINT');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
	expect(result.output).toContain(LEAVE_ALTERNATE_SCREEN);
	expect(afterDashboard(result.output)[0]).toMatch(/^descent: paused at iteration 0 \/ 80,000.*seed 0/);
});

test('SIGTERM while running quits cleanly the same way', async () => {
	const term = await startDashboard(['--seed', '0'], {cols: 100, rows: 30});
	await term.waitFor('running');
	process.kill(term.pid, 'SIGTERM');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
	expect(result.output).toContain(LEAVE_ALTERNATE_SCREEN);
	expect(afterDashboard(result.output)[0]).toMatch(/^descent: (stopped|done) at iteration [\d,]+ \/ 80,000/);
});

test('quitting at once, while the first frames are still being drawn, exits', async () => {
	const term = startTerminal(['--seed', '0'], {cols: 100, rows: 30});
	// before raw mode a Ctrl-C is a signal; this lands among the warm-up frames, before training
	await term.waitFor('iteration 0 / 80,000');
	process.kill(term.pid, 'SIGINT');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
	expect(afterDashboard(result.output)[0]).toMatch(/^descent: (paused|stopped) at iteration [\d,]+ \/ 80,000/);
});
