import {afterEach, describe, expect, test} from 'vitest';
import {closeDashboards, linesOf, openDashboard} from '../helpers/ui.js';

afterEach(closeDashboards);

describe('the status line at 80 columns', () => {
	test('the seed and the accuracy outlast the optional parts', async () => {
		const flags = ['--dataset', 'xor', '--samples', '20', '--test', '0.25', '--optimizer', 'adam', '--batch', '2', '--seed', '5', '--paused'];
		const {frame} = await openDashboard(flags, {columns: 80, rows: 24});
		const [first, second] = linesOf(frame());
		expect(first).toContain('seed 5');
		expect(second).toMatch(/ · accuracy \d+\.\d %/);
		// what gives way: the optional parts, never a part cut
		expect(first!.length).toBeLessThanOrEqual(80);
		expect(second!.length).toBeLessThanOrEqual(80);
	});

	test("--preset circle --batch 2 at 120 columns: the batch outlasts the preset's other choices (issue 21, from the new-user try)", async () => {
		const {frame} = await openDashboard(['--preset', 'circle', '--batch', '2', '--seed', '0', '--paused'], {columns: 120, rows: 40});
		const [first] = linesOf(frame());
		// before: 'xavier init' was kept and 'batch 2 of 160' left out
		expect(first).toContain('batch 2 of 160');
		expect(first!.length).toBeLessThanOrEqual(120);
	});
});

describe('a race: the status line says what the lane label says once (issue 21)', () => {
	test('lr 0.001 at 80×24: the label says it, the line does not again; adam lr 0.01 likewise; a rate changed by ] is said', async () => {
		const flags = ['--seed', '0', '--paused', '--race', '--lr 0.001', '--race', '--optimizer adam --lr 0.01', '--race', '--batch 4 --l2 0.01'];
		const dashboard = await openDashboard(flags, {columns: 80, rows: 24});
		let first = linesOf(await dashboard.until('lane 1 of 3: lr 0.001'))[0]!;
		expect(first.match(/\blr\b/g)).toHaveLength(1);
		expect(first).toContain('sigmoid');
		first = linesOf(await dashboard.press('2', 'lane 2 of 3: adam lr 0.01'))[0]!;
		expect(first.match(/\blr\b/g)).toHaveLength(1);
		expect(first.match(/\badam\b/g)).toHaveLength(1);
		first = linesOf(await dashboard.press(']', text => linesOf(text)[0]!.includes('lr 0.02')))[0]!;
		expect(first).toMatch(/lane 2 of 3: adam lr 0\.01 · .*lr 0\.02/);
		await dashboard.resize(120, 40);
		first = linesOf(await dashboard.press('3', 'lane 3 of 3: batch 4 l2 0.01'))[0]!;
		expect(first).not.toMatch(/L2 0\.01|batch 4 of/);
		// its label has no lr: the line says it
		expect(first).toMatch(/learning rate \d/);
	});
});
