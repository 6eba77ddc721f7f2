import {afterEach, describe, expect, test} from 'vitest';
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
