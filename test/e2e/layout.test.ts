import {expect, test} from 'vitest';
import {lineWith, startTerminal, useTerminals} from './terminal.js';

useTerminals();

// one line that asks for a larger window, names the minimum and (below) the current size
const TOO_SMALL = /(larger|[Ee]nlarge).*80×24|80×24.*(larger|[Ee]nlarge)/;

test('shrinking below 80×24 asks for a larger window; growing back shows the dashboard again', async () => {
	const term = startTerminal(['--seed', '0', '--paused'], {cols: 120, rows: 40});
	await term.waitFor('iteration 0 / 80,000', 15_000);
	await term.waitForRawMode();
	await term.press('s');
	await term.waitFor('iteration 1 / 80,000');

	term.resize(70, 20);
	let screen = await term.waitFor(TOO_SMALL);
	expect(screen).toContain('70×20');
	expect(screen.split('\n').filter(line => line.trim().length > 0).length).toBe(1);
	expect(screen).not.toContain('Weights');
	expect(screen).not.toContain('iteration 1 /');

	term.resize(120, 40);
	screen = await term.waitFor('Chain of W11 (x1 → h1) at iteration 1');
	expect(screen).not.toMatch(TOO_SMALL);
	expect(lineWith(screen, 'iteration 1 /')).toMatch(/^paused · iteration 1 \/ 80,000/);
	expect(screen).toContain('learning rate 0.001');
	// nothing of the old frames is left over: one status line, one keys line
	expect(screen.split('\n').filter(line => line.startsWith('descent 3 → 2 → 1'))).toHaveLength(1);
	expect(screen.split('\n').filter(line => line.includes('? help · q quit'))).toHaveLength(1);
});

test('started in a 70×20 terminal it asks for a larger window, and q quits with 0', async () => {
	const term = startTerminal(['--seed', '0', '--paused'], {cols: 70, rows: 20});
	const screen = await term.waitFor(TOO_SMALL, 15_000);
	expect(screen).toContain('70×20');
	await term.waitForRawMode();
	await term.press('q');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
});

test('--preset tutorial-10 at 80×24: the weights table scrolls with the selection', async () => {
	const term = startTerminal(['--preset', 'tutorial-10', '--paused', '--seed', '0'], {cols: 80, rows: 24});
	let screen = await term.waitFor('iteration 0 / 80,000', 15_000);
	await term.waitForRawMode();
	expect(screen).toMatch(/^descent 10 → 2 → 1/);
	expect(screen).toMatch(/↓ \d+ below/);
	expect(screen).not.toMatch(/↑ \d+ above/);
	expect(screen).toContain('Chain of W1,1 (x1 → h1)');
	expect(screen).not.toContain('W11,2');

	// select down to the last weight, one at a time: the chain panel names each one
	let name = 'W1,1';
	for (let k = 0; k < 21; k++) {
		await term.press('down');
		screen = await term.waitUntil(s => !s.includes(`Chain of ${name} (`) && /Chain of \S+ \(/.test(s), 5000, `the selection to move past ${name}`);
		name = /Chain of (\S+) \(/.exec(screen)![1]!;
		// the selected weight is always a row of the table
		expect(screen).toMatch(new RegExp(`│ ${name}\\s+\\S+ → `));
	}

	expect(name).toBe('W11,2');
	expect(screen).toMatch(/↑ \d+ above/);
	expect(screen).not.toMatch(/↓ \d+ below/);
	expect(lineWith(screen, /│ W11,2\s/)).toMatch(/W11,2\s+h2 → out\s+0\.799159/);
	expect(screen).not.toMatch(/│ W1,1\s/);

	// and back up to the top
	await term.press('up', 21);
	screen = await term.waitFor('Chain of W1,1 (x1 → h1)');
	expect(screen).toMatch(/│ W1,1\s/);
	expect(screen).not.toMatch(/↑ \d+ above/);
});
