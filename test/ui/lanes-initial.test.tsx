import {afterEach, expect, test} from 'vitest';
import {closeDashboards, lineWith, openDashboard} from '../helpers/ui.js';

afterEach(closeDashboards);

test('a race before its first iteration: each lane’s error is the initial error the status line gives, not – (issue 21, from the new-user try)', async () => {
	const dashboard = await openDashboard(['--seed', '0', '--paused', '--race', '--lr 0.001', '--race', '--lr 0.01'], {columns: 120, rows: 40});
	const screen = await dashboard.until(frame => /initial error [\d.]+/.test(frame) && frame.includes('Lanes'));
	const initial = /initial error ([\d.]+)/.exec(screen)![1]!;
	// both lanes start from seed 0's weights: the same initial error
	for (const lane of ['lr 0.001', 'lr 0.01']) {
		const row = lineWith(screen, new RegExp(`[▶ ] \\d ${lane.replace('.', '\\.')} `));
		expect(row).toContain(` ${initial}`);
		expect(row).not.toMatch(/\s–\s/);
	}
});
