import {afterEach, describe, expect, test} from 'vitest';
import {loadPackaged} from '../../source/cli/packaged.js';
import {closeDashboards, openDashboard} from '../helpers/ui.js';

afterEach(closeDashboards);

/** The line under the keys: what the last key said. */
const lastLine = (screen: string) => screen.trimEnd().split('\n').at(-1)!;

describe('no key does nothing silently (issue 21)', () => {
	test("the tutorial: each panel's key says what the panel needs, x says there is no previous run", async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		await dashboard.until('Weights');
		const said: Record<string, string> = {
			C: 'the confusion panel needs class targets (one-hot): --preset iris, xor, circle or mnist',
			t: 'the confusion panel needs class targets (one-hot): --preset iris, xor, circle or mnist',
			i: 'the digits panel needs image data with classes: --preset mnist',
			'{': 'the digits panel needs image data with classes: --preset mnist',
			m: 'the map panel needs one or two inputs: --preset xor, circle or sine',
			L: 'the map panel needs one or two inputs: --preset xor, circle or sine',
			D: 'the map panel needs one or two inputs: --preset xor, circle or sine',
			x: "no previous run's curve to clear: a reset (r, R) after training keeps one",
		};
		for (const [key, text] of Object.entries(said)) {
			const screen = await dashboard.press(key, text);
			expect(lastLine(screen)).toBe(text);
			// another line between, so the next key is seen to say its own
			await dashboard.press('o', 'the next run (r or R) trains with');
		}
	});

	test('sine: D and L say its map is a curve over one input; with the map hidden, that m shows it', async () => {
		const dashboard = await openDashboard(['--preset', 'sine', '--seed', '0', '--paused'], {columns: 120, rows: 40});
		await dashboard.until('Map');
		let screen = await dashboard.press('D', 'D colours by class a map over two inputs: this run has one input, its map is a curve');
		screen = await dashboard.press('L', "L shows each neuron's map over two inputs: this run has one input, its map is a curve");
		expect(screen).toContain('─ Map');
		await dashboard.press('m', screen => !screen.includes('─ Map'));
		screen = await dashboard.press('L', 'the map is hidden: m shows it');
		expect(lastLine(screen)).toBe('the map is hidden: m shows it');
	});

	test('xor without a test split: t says there are no test samples', async () => {
		const dashboard = await openDashboard(['--preset', 'xor', '--seed', '0', '--paused'], {columns: 120, rows: 40});
		await dashboard.press('C', 'Confusion');
		const screen = await dashboard.press('t', 'no test samples to count: --test holds some out');
		expect(screen).toContain('Confusion training');
	});

	test("plane (a regression over two inputs): D says it colours by class and the run has none; the map's title offers only the keys that act", async () => {
		const dashboard = await openDashboard(['--preset', 'plane', '--seed', '0', '--paused'], {columns: 120, rows: 40});
		let screen = await dashboard.until('─ Map');
		expect(screen).toContain('─ Map m · L layers ─');
		const said = "D colours the map by class: this run's targets are numbers, not classes";
		screen = await dashboard.press('D', said);
		expect(lastLine(screen)).toBe(said);
		expect(screen).toContain('░ low … █ high');
	});

	test("the map's title offers D and L where they act: xor both, the sine (one input) neither", async () => {
		const xor = await openDashboard(['--preset', 'xor', '--seed', '0', '--paused'], {columns: 120, rows: 40});
		expect(await xor.until('─ Map')).toContain('─ Map m · D classes · L layers');
		const sine = await openDashboard(['--preset', 'sine', '--seed', '0', '--paused'], {columns: 120, rows: 40});
		const screen = await sine.until('─ Map');
		expect(screen).toContain('─ Map m ─');
		expect(screen).not.toMatch(/D classes|L layers/);
	});

	test('iris with the confusion panel hidden: t says C shows it first, and the panel comes back as it was', async () => {
		const iris = {name: 'iris' as const, samples: loadPackaged('iris', undefined)};
		const dashboard = await openDashboard(['--preset', 'iris', '--seed', '0', '--paused'], {columns: 120, rows: 40, loaded: {packaged: iris}});
		await dashboard.until('Confusion training');
		await dashboard.press('C', screen => !screen.includes('─ Confusion'));
		let screen = await dashboard.press('t', 'C shows the confusion matrix first');
		expect(lastLine(screen)).toBe('C shows the confusion matrix first');
		screen = await dashboard.press('C', '─ Confusion');
		expect(screen).toContain('Confusion training');
	});

	test('the tutorial: Tab says why there is no other page of the chain, a v A V that the error surface is not open', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		await dashboard.until('Weights');
		let screen = await dashboard.press('\t', 'no chain yet to page through: step once (s) to see it');
		expect(lastLine(screen)).toBe('no chain yet to page through: step once (s) to see it');
		await dashboard.press('s', 'iteration 1 /');
		screen = await dashboard.press('\t', 'the chain fits its panel: no other page');
		expect(lastLine(screen)).toBe('the chain fits its panel: no other page');
		expect(screen).not.toContain('Tab turns');
		for (const key of ['a', 'v', 'A', 'V']) {
			await dashboard.press('o', 'the next run (r or R) trains with');
			screen = await dashboard.press(key, 'E opens the error surface first');
			expect(lastLine(screen)).toBe('E opens the error surface first');
		}
	});
});
