import {describe, expect, test} from 'vitest';
import {afterDashboard, iterationOf, lineWith, startDashboard, closeTerminalsAfterEach} from './terminals.js';

closeTerminalsAfterEach();

describe('keys that drive the training', () => {
	test('n runs exactly 100 iterations, s and → one more each; keys typed together each count', async () => {
		const term = await startDashboard(['--seed', '0', '--paused']);
		await term.press('n');
		await term.waitFor(/^paused · iteration 100 \/ 80,000/m);
		await term.press('s');
		await term.waitFor('iteration 101 / 80,000');
		await term.press('right');
		await term.waitFor('iteration 102 / 80,000');
		// one write: the program reads "sss" at once
		await term.press('sss');
		await term.waitFor('iteration 105 / 80,000');
	});

	test('[ halves and ] doubles the learning rate; the summary then says flags alone do not reproduce the run', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 120, rows: 40});
		await term.press('s');
		await term.waitFor('iteration 1 / 80,000');
		await term.press('[');
		await term.waitFor('learning rate 0.0005 ·');
		await term.press(']', 2);
		await term.waitFor('learning rate 0.002 ·');
		await term.press('q');
		const after = afterDashboard((await term.exit()).output);
		expect(after.at(-1)).toMatch(/^reproduce: not by flags alone: the learning rate changed during the run .*from update \d.*descent --iterations 1 --seed 0$/);
	});

	test('[ before the first iteration gives the run a new rate, which the flags reproduce', async () => {
		const term = await startDashboard(['--seed', '0', '--paused']);
		await term.press(']');
		await term.waitFor(/lr 0\.002|learning rate 0\.002/);
		await term.press('q');
		const after = afterDashboard((await term.exit()).output);
		expect(after.at(-1)).toBe('reproduce: descent --lr 0.002 --seed 0');
	});

	test('+ and - change the speed; at 10 iterations a second the iteration moves slowly and the rate reads true', async () => {
		const term = await startDashboard(['--seed', '0', '--paused', '--speed', '10'], {cols: 120, rows: 40});
		await term.press('space');
		const screen = await term.waitFor(/running · iteration \d+ \/ 80,000 · (9|10|11) it\/s/, 8000);
		expect(iterationOf(screen)).toBeLessThan(60);
		await term.press('+');
		await term.waitFor('speed 100/s');
		await term.press('-', 2);
		await term.waitFor('speed 1/s');
	});

	test('R resets with a new seed, which the summary reproduces', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 120, rows: 40});
		await term.press('s');
		await term.waitFor('iteration 1 / 80,000');
		await term.press('R');
		const screen = await term.waitUntil(s => !s.includes('seed 0 ·') && s.includes('iteration 0 / 80,000'), 5000, 'a new seed');
		const seed = /seed (\d+) ·/.exec(lineWith(screen, 'descent 3')!)![1]!;
		await term.press('q');
		const after = afterDashboard((await term.exit()).output);
		expect(after.at(-1)).toBe(`reproduce: descent --seed ${seed}`);
	});

	test('p walks an iteration phase by phase with its numbers, and b steps back to the same numbers', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 120, rows: 40});
		await term.press('p');
		let screen = await term.waitFor('phase 1 of 7');
		expect(screen).toContain('forward, hidden layer 1');
		expect(screen).toContain('SOP1 = 2.81229, Activ1 = 0.943336, SOP2 = 2.87212, Activ2 = 0.946451');
		expect(lineWith(screen, 'iteration 0 /')).toBeDefined();
		await term.press('p');
		screen = await term.waitFor('phase 2 of 7');
		expect(screen).toContain('SOP3 = 1.25681, Predicted = 0.778477');
		await term.press('p');
		screen = await term.waitFor('phase 3 of 7');
		expect(screen).toContain('Error = 0.334635');
		await term.press('p');
		screen = await term.waitFor('phase 4 of 7');
		// the chain builds up: the output layer's factors are known, the hidden one's not yet
		expect(screen).toMatch(/g1 = dError\/dPredicted\s+(= .* )?= 1\.157/);
		await term.press('p', 2);
		screen = await term.waitFor('phase 6 of 7');
		expect(lineWith(screen, /W11\s+x1 → h1/)).toMatch(/W11\s+x1 → h1\s+0\.548814\s+–\s+4\.667e-4/);
		await term.press('p');
		screen = await term.waitFor('phase 7 of 7');
		expect(screen).toContain('W11 = W11 + change = 0.548813');
		expect(lineWith(screen, 'iteration 0 /')).toBeDefined();
		await term.press('p');
		screen = await term.waitFor('iteration 1 / 80,000');
		expect(lineWith(screen, /W11\s+x1 → h1/)).toMatch(/W11\s+x1 → h1\s+0\.548813\s+-4\.667e-7\s+4\.667e-4/);
		await term.press('s', 2);
		await term.waitFor('iteration 3 / 80,000');
		await term.press('b', 2);
		screen = await term.waitFor('iteration 1 / 80,000');
		expect(lineWith(screen, /W11\s+x1 → h1/)).toMatch(/W11\s+x1 → h1\s+0\.548813\s+-4\.667e-7\s+4\.667e-4/);
	});

	test('j and k select like ↓ and ↑; < > follow another sample', async () => {
		const term = await startDashboard(['--preset', 'xor', '--seed', '0', '--paused'], {cols: 120, rows: 40});
		await term.press('s');
		await term.waitFor('iteration 1 / 5,000');
		await term.press('j', 2);
		await term.waitFor(/Chain of \S+ \(1 → h1\)/);
		await term.press('k');
		await term.waitFor(/Chain of \S+ \(x2 → h1\)/);
		await term.press('>');
		await term.waitFor('sample #2');
	});
});
