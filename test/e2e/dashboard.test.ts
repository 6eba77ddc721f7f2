import {describe, expect, test} from 'vitest';
import {afterDashboard, iterationOf, lineWith, sleep, startTerminal, useTerminals} from './terminal.js';

useTerminals();

// the weights in the order of the table; selecting down from W11 passes through each
const ORDER = ['W11', 'W21', 'W31', 'W12', 'W22', 'W32', 'W41', 'W42'];

describe.each([
	[80, 24],
	[200, 60],
])('the dashboard at %i×%i', (cols, rows) => {
	test('steps, selects, resets, runs, pauses and quits with a summary', async () => {
		const term = startTerminal(['--seed', '0', '--paused'], {cols, rows});

		// the first frame: paused at iteration 0 with the seed's initial weights
		let screen = await term.waitFor('iteration 0 / 80,000', 15_000);
		// keys typed before Ink has switched the terminal to raw mode wait in the line buffer (and Ctrl-C kills)
		await term.waitForRawMode();
		expect(await term.bufferType()).toBe('alternate');
		expect(screen).toMatch(/^descent 3 → 2 → 1 · sigmoid · no bias · (lr|learning rate) 0\.001 · seed 0 · speed 10,000\/s/);
		expect(screen).toContain(cols >= 100 ? 'learning rate 0.001' : 'lr 0.001');
		expect(lineWith(screen, 'iteration 0 /')).toMatch(/^paused · iteration 0 \/ 80,000 · 0 it\/s · 0\.0 s · error –/);
		expect(lineWith(screen, 'W11')).toMatch(/W11\s+x1 → h1\s+0\.548814\s/);
		expect(screen).toContain('Chain of W11 (x1 → h1)');

		// one iteration: the tutorial's first gradients
		await term.press('s');
		screen = await term.waitFor('iteration 1 / 80,000');
		expect(lineWith(screen, 'iteration 1 /')).toMatch(/^paused · iteration 1 \/ 80,000 · .* · error 0\.334635/);
		expect(screen).toContain('g1 = dError/dPredicted = 1.157');
		expect(screen).toMatch(/g2 = dPredicted\/dSOP3\s+= 0\.1725/);
		expect(screen).toContain('gradient = g1·g2·g3·g4·g5 = 4.667e-4');
		expect(lineWith(screen, 'W11')).toMatch(/W11\s+x1 → h1\s+0\.548813\s+-4\.667e-7\s+4\.667e-4/);
		expect(lineWith(screen, /W41\s+h1 → out/)).toMatch(/W41\s+h1 → out\s+0\.437399\s+-1\.882e-4\s+0\.1882/);

		// down to W41, one weight at a time: the chain follows the selection
		for (const name of ORDER.slice(1, ORDER.indexOf('W41') + 1)) {
			await term.press('down');
			await term.waitFor(`Chain of ${name} (`);
		}

		screen = await term.waitFor('Chain of W41 (h1 → out)');
		expect(screen).toContain('g1 = dError/dPredicted = 1.157');
		expect(screen).toMatch(/gradient = g1·g2·g3\s*= 0\.1882/);

		// r: back to the seed's initial weights, still paused
		await term.press('r');
		screen = await term.waitFor('iteration 0 / 80,000');
		expect(lineWith(screen, 'iteration 0 /')).toMatch(/^paused · /);
		expect(lineWith(screen, 'W11')).toMatch(/W11\s+x1 → h1\s+0\.548814\s/);

		// space: running, the iteration grows
		await term.press('space');
		screen = await term.waitFor(/^running · iteration/m);
		await term.waitUntil(s => (iterationOf(s) ?? 0) > 0, 5000, 'the iteration to grow');
		const early = iterationOf(await term.screen())!;
		await term.waitUntil(s => (iterationOf(s) ?? 0) > early, 5000, `the iteration to grow past ${early}`);

		// space again: paused, and the iteration stays where it stopped
		await term.press('space');
		screen = await term.waitFor(/^paused · iteration/m);
		const stopped = iterationOf(screen)!;
		expect(stopped).toBeGreaterThan(0);
		await sleep(300);
		expect(iterationOf(await term.screen())).toBe(stopped);

		// q: the normal screen comes back with one summary line
		await term.press('q');
		const result = await term.exit();
		expect(result.exitCode).toBe(0);
		expect(await term.bufferType()).toBe('normal');
		expect(result.screen).not.toContain('Weights');
		expect(result.screen).not.toContain('Chain of');
		expect(result.screen).toMatch(/^descent: paused at iteration /m);
		// the summary, whole (at 80 columns the terminal wraps it), from what the program wrote after the dashboard
		const after = afterDashboard(result.output);
		expect(result.output).toContain('\u001B[?1049l');
		expect(after).toHaveLength(1);
		const summary = after[0]!;
		expect(summary).toMatch(/^descent: /);
		expect(summary).toContain(`paused at iteration ${stopped.toLocaleString('en-US')} / 80,000`);
		expect(summary).toContain('seed 0');
		expect(summary).toMatch(/reproduce: descent .*--seed 0/);
	});
});
