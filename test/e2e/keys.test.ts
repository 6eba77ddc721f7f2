import {describe, expect, test} from 'vitest';
import {afterDashboard, iterationOf, lineWith, startDashboard, useTerminals, type TerminalSession} from './terminal.js';

useTerminals();

/** The dashboard paused at iteration 0, seed 0, at 120×40 (wide enough for whole panel titles). */
async function paused(args: readonly string[] = []): Promise<TerminalSession> {
	return startDashboard(['--seed', '0', '--paused', ...args], {cols: 120, rows: 40});
}

describe('keys that drive the training', () => {
	test('n runs 100 iterations, s and → one more each', async () => {
		const term = await paused();
		await term.press('n');
		await term.waitFor('iteration 100 / 80,000');
		await term.press('s');
		await term.waitFor('iteration 101 / 80,000');
		await term.press('right');
		const screen = await term.waitFor('iteration 102 / 80,000');
		expect(lineWith(screen, 'iteration 102')).toMatch(/^paused · /);
		expect(screen).toContain('Chain of W11 (x1 → h1) at iteration 102');
	});

	test('[ halves and ] doubles the learning rate on the status line', async () => {
		const term = await paused();
		await term.press('[');
		await term.waitFor('learning rate 0.0005 ·');
		await term.press(']');
		await term.waitFor('learning rate 0.001 ·');
		await term.press(']');
		await term.waitFor('learning rate 0.002 ·');
		// the new rate is what the next iteration uses, and what the summary reproduces
		await term.press('s');
		await term.waitFor('iteration 1 / 80,000');
		await term.press('q');
		const result = await term.exit();
		expect(result.exitCode).toBe(0);
		expect(afterDashboard(result.output)[0]).toMatch(/reproduce: descent .*--lr 0\.002/);
	});

	test('+ and - change the speed on the status line', async () => {
		const term = await paused();
		await term.press('+');
		await term.waitFor('speed 100,000/s');
		await term.press('-');
		await term.press('-');
		await term.waitFor('speed 1,000/s');
	});

	test('running at speed 10 shows the iteration advancing slowly', async () => {
		const term = await paused(['--speed', '10']);
		await term.press('space');
		await term.waitFor(/^running · /m);
		const screen = await term.waitUntil(s => (iterationOf(s) ?? 0) >= 2, 5000, 'two iterations');
		expect(iterationOf(screen)).toBeLessThan(40);
	});

	test('R resets with a new seed, which the summary reproduces', async () => {
		const term = await paused();
		await term.press('n');
		await term.waitFor('iteration 100 / 80,000');
		await term.press('R');
		const screen = await term.waitUntil(s => /· seed (\d+) ·/.exec(s)?.[1] !== '0' && s.includes('iteration 0 / 80,000'), 5000, 'a new seed');
		const seed = /· seed (\d+) ·/.exec(screen)![1]!;
		expect(lineWith(screen, 'iteration 0 /')).toMatch(/^paused · /);
		expect(lineWith(screen, 'W11')).not.toMatch(/0\.548814/);
		await term.press('q');
		const result = await term.exit();
		expect(result.exitCode).toBe(0);
		expect(afterDashboard(result.output)[0]).toMatch(new RegExp(`seed ${seed}\\b.*reproduce: descent .*--seed ${seed}\\b`));
	});

	test('j and k select like ↓ and ↑', async () => {
		const term = await paused();
		await term.press('j');
		await term.waitFor('Chain of W21 (x2 → h1)');
		await term.press('j');
		await term.waitFor('Chain of W31 (x3 → h1)');
		await term.press('k');
		await term.waitFor('Chain of W21 (x2 → h1)');
		await term.press('up');
		await term.waitFor('Chain of W11 (x1 → h1)');
		// the selection stops at the first weight
		await term.press('k');
		await term.press('s');
		await term.waitFor('Chain of W11 (x1 → h1) at iteration 1');
	});

	test.each(['escape', 'ctrl-c'] as const)('%s quits with exit code 0 and a summary', async key => {
		const term = await paused();
		await term.press(key);
		const result = await term.exit();
		expect(result.exitCode).toBe(0);
		const after = afterDashboard(result.output);
		expect(after).toHaveLength(1);
		expect(after[0]).toMatch(/^descent: paused at iteration 0 \/ 80,000 after 0\.00 s of training, error –, seed 0/);
	});
});
