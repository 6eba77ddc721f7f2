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
