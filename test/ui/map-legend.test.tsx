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

describe("the map's legend names the marks the map has (issue 21, from the new-user try)", () => {
	const xor = {x1: [0, 1], x2: [0, 1], range: [0, 1], pointClasses: true} as const;
	const marks = {samples: 4, marks: 4, ties: 0, block: {columns: 1, lines: 1}};
	const point = (test: boolean) => ({x1: 0, x2: 1, value: 1, test});
	test('without a test split no test mark is named (xor: ● train, was ● train  ◆ test); with one it is', () => {
		const without = mapFooter({...xor, points: [point(false), point(false)]}, 40, true, false, marks).join('\n');
		expect(without).toContain('● train');
		expect(without).not.toContain('test');
		expect(mapFooter({...xor, points: [point(false), point(true)]}, 40, true, false, marks).join('\n')).toContain('● train  ◆ test');
		expect(mapFooter({...xor, points: [point(false)]}, 40, false, false, marks).join('\n')).not.toContain('O X test');
	});
});
