import {afterEach, describe, expect, test} from 'vitest';
import {mapFooter} from '../../source/ui/map.js';
import {closeDashboards, openDashboard} from '../helpers/ui.js';

afterEach(closeDashboards);

describe('the map legend follows D (issue 21, bug 11)', () => {
	test('xor at 120×40 with colour: orange low, blue high; after D, where the two colours split; after D again, back', async () => {
		const dashboard = await openDashboard(['--preset', 'xor', '--seed', '1', '--paused'], {columns: 120, rows: 40, colour: true});
		let screen = await dashboard.until('orange low, blue high');
		screen = await dashboard.press('D', /orange < [\d.]+ ≤ blue/);
		expect(screen).not.toContain('orange low, blue high');
		screen = await dashboard.press('D', 'orange low, blue high');
		expect(screen).not.toMatch(/orange < /);
	});
});

describe("the map's axes (issue 21)", () => {
	test('each axis whole on a line: a range is never split from its end', () => {
		const sine = {x1: [-6.283, 6.283], x2: undefined, range: [-1.116, 1], pointClasses: false} as const;
		// 27 columns: the sine's map at 120×40 read '→ x -6.28 … 6.28, ↑ y -1.12 …' over '1'
		expect(mapFooter(sine, 27, false).slice(0, 2)).toEqual(['→ x -6.28 … 6.28,', '  ↑ y -1.12 … 1']);
		expect(mapFooter(sine, 40, false)[0]).toBe('→ x -6.28 … 6.28, ↑ y -1.12 … 1');
	});
});
