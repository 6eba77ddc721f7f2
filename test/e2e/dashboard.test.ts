import {describe, expect, test} from 'vitest';
import {afterDashboard, iterationOf, lineWith, sleep, startDashboard, startTerminal, closeTerminalsAfterEach} from './terminals.js';

closeTerminalsAfterEach();

// the weights in the order of the table; selecting down from W11 passes through each
const ORDER = ['W11', 'W21', 'W31', 'W12', 'W22', 'W32', 'W41', 'W42'];

describe.each([
	[80, 24],
	[120, 40],
	[200, 60],
])('the dashboard at %i×%i', (cols, rows) => {
	test('steps, selects, resets, runs, pauses and quits with a summary', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols, rows});
		// at 80 columns the table has no link column: it drops that before a digit (the chain's title names the link)
		const row = (name: string, link: string, cells: string) => new RegExp(`${name}\\s+${cols > 80 ? `${link}\\s+` : ''}${cells}`);
		let screen = term.lastSeen;
		expect(await term.bufferType()).toBe('alternate');
		expect(screen).toMatch(/^descent 3 → 2 → 1 · sigmoid · /);
		expect(lineWith(screen, 'iteration 0 /')).toMatch(/^paused · iteration 0 \/ 80,000 · .*initial error 0\.334635/);
		expect(lineWith(screen, 'W11')).toMatch(row('W11', 'x1 → h1', String.raw`0\.548814\s`));

		// one iteration: the tutorial's first gradients
		await term.press('s');
		screen = await term.waitFor('iteration 1 / 80,000');
		expect(lineWith(screen, 'iteration 1 /')).toMatch(/^paused · iteration 1 \/ 80,000 · .*error 0\.334635/);
		expect(screen).toMatch(/g1 = dError\/dPredicted\s+(= 2 · \(Predicted - target\) )?= 1\.157/);
		expect(screen).toMatch(/g2 = dPredicted\/dSOP3\s+(= Activ · \(1 - Activ\) )?= 0\.1725/);
		expect(lineWith(screen, 'W11')).toMatch(row('W11', 'x1 → h1', String.raw`0\.548813\s+-4\.667e-7\s+4\.667e-4`));
		expect(lineWith(screen, 'W41')).toMatch(row('W41', 'h1 → out', String.raw`0\.437399\s+-1\.882e-4\s+0\.1882`));

		// down to W41, one weight at a time: the chain follows the selection
		for (const name of ORDER.slice(1, ORDER.indexOf('W41') + 1)) {
			await term.press('down');
			await term.waitFor(`Chain of ${name} (`);
		}

		screen = await term.waitFor('Chain of W41 (h1 → out)');
		expect(screen).toMatch(/gradient = g1·g2·g3 = 0\.1882/);

		// r: back to the seed's initial weights, still paused
		await term.press('r');
		screen = await term.waitFor('iteration 0 / 80,000');
		expect(lineWith(screen, 'W11')).toMatch(row('W11', 'x1 → h1', String.raw`0\.548814\s`));

		// space: running, the iteration grows; space again: paused, and it stays there
		await term.press('space');
		await term.waitUntil(s => (iterationOf(s) ?? 0) > 0, 5000, 'the iteration to grow');
		await term.press('space');
		screen = await term.waitFor(/^paused · iteration/m);
		const stopped = iterationOf(screen)!;
		await sleep(300);
		expect(iterationOf(await term.screen())).toBe(stopped);

		// q: the normal screen comes back with the summary and nothing of the dashboard
		await term.press('q');
		const result = await term.exit();
		expect(result.exitCode).toBe(0);
		expect(await term.bufferType()).toBe('normal');
		expect(result.screen).not.toContain('Weights');
		const after = afterDashboard(result.output);
		expect(after[0]).toBe('descent: 3 → 2 → 1, sigmoid, no bias, learning rate 0.001, seed 0');
		expect(after[1]).toMatch(new RegExp(`^paused at iteration ${stopped.toLocaleString('en-US')} / 80,000 after [\\d.]+ s of training$`));
		// quit while paused: reproduced to where it stopped (issue 21)
		expect(after.at(-1)).toBe(`reproduce: descent --iterations ${stopped} --seed 0`);
	});
});

test('keys typed while it starts are read as keys, not echoed onto the screen and left there after quitting', async () => {
	const term = startTerminal(['--seed', '0', '--paused'], {cols: 100, rows: 30});
	await term.press('yzy');
	await term.waitFor('iteration 0 / 80,000', 15_000);
	await term.waitForRawMode();
	await term.press('q');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
	// the terminal echoed them before the program ran; the program clears that line when it leaves
	expect(result.screen).not.toContain('yzy');
});
