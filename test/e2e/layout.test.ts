import {expect, test} from 'vitest';
import {afterDashboard, startDashboard, startTerminal, closeTerminalsAfterEach} from './terminals.js';

closeTerminalsAfterEach();

// a combining mark (the hat of m̂) takes no column of its own
const everyLineFits = (screen: string, cols: number) => screen.split('\n').every(line => line.replaceAll(/\p{M}/gu, '').length <= cols);

test('shrinking below 80×24 asks for a larger window and says training goes on; growing back shows the dashboard', async () => {
	const term = await startDashboard(['--seed', '0', '--speed', '100'], {cols: 120, rows: 40});
	term.resize(70, 20);
	const small = await term.waitFor('Enlarge the window to 80×24 (now 70×20)');
	expect(small).toMatch(/Training goes on: iteration [\d,]+ \(space pauses\)/);
	term.resize(120, 40);
	const large = await term.waitFor('Weights');
	expect(everyLineFits(large, 120)).toBe(true);
});

test('started at 70×20, enlarged to 120×40, then q: the screen holds the summary alone', async () => {
	const term = startTerminal(['--seed', '0', '--paused'], {cols: 70, rows: 20});
	await term.waitFor('Enlarge the window');
	await term.waitForRawMode();
	term.resize(120, 40);
	await term.waitFor('Weights');
	await term.press('q');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
	expect(result.screen).not.toMatch(/[│╭╰]/);
	expect(afterDashboard(result.output)[0]).toMatch(/^descent: 3 → 2 → 1/);
});

test('--preset tutorial-10 at 80×24: the table scrolls with the selection, counts with a separator, numbers whole', async () => {
	const term = await startDashboard(['--preset', 'tutorial-10', '--seed', '0', '--paused'], {cols: 80, rows: 24});
	await term.press('n');
	await term.waitFor('iteration 100 / 80,000');
	await term.press('j', 21);
	const screen = await term.waitFor('Chain of W11,2 (h2 → out)');
	expect(screen).toMatch(/↑ \d+ above/);
	expect(screen).not.toMatch(/\d…|…\d|e…/);
	expect(everyLineFits(screen, 80)).toBe(true);
});

test.each([
	['tutorial-3', 80, 24],
	['tutorial-10', 120, 40],
	['xor', 200, 60],
	['spiral', 120, 40],
	['sine', 80, 24],
])('--preset %s at %i×%i: every line fits, no number is cut', async (preset, cols, rows) => {
	const term = await startDashboard(['--preset', preset, '--seed', '0', '--paused'], {cols, rows});
	await term.press('n');
	const screen = await term.waitFor(/iteration 100 \//);
	expect(everyLineFits(screen, cols)).toBe(true);
	expect(screen.split('\n').length).toBeLessThan(rows);
	expect(screen).not.toMatch(/\d…|…\d/);
});
