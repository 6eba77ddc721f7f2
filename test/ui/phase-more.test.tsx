import {afterEach, describe, expect, test} from 'vitest';
import {closeDashboards, lineWith, openDashboard, panelLines} from '../helpers/ui.js';

afterEach(closeDashboards);

/** The spiral's first hidden layer's δ after 100 iterations: 8 numbers, more than a line holds. */
async function walkToHiddenDeltas(columns: number, rows: number) {
	const dashboard = await openDashboard(['--preset', 'spiral', '--seed', '1', '--paused'], {columns, rows});
	await dashboard.press('n', /iteration 100 \//);
	const frame = await dashboard.press(
		Array.from({length: 7}, () => 'p'),
		'phase 7 of 9',
	);
	return {dashboard, frame, values: lineWith(frame, 'δ h1.1 =')};
}

describe('the phase line says where its numbers left off are (issue 21)', () => {
	test('80×24, where the diagram cannot be shown: only how many', async () => {
		const {frame, values} = await walkToHiddenDeltas(80, 24);
		expect(panelLines(frame, 'Network')).toEqual([]);
		expect(values).toMatch(/\(\d+ more\)$/);
	});

	test('200×60 with the diagram hidden: the key that shows it; with it shown: in the diagram', async () => {
		const {dashboard, frame, values} = await walkToHiddenDeltas(200, 60);
		expect(panelLines(frame, 'Network')).toEqual([]);
		const count = /\((\d+) more: d shows the diagram\)$/.exec(values)?.[1];
		expect(count, values).toBeDefined();
		const shown = await dashboard.press('d', text => panelLines(text, 'Network').length > 0);
		expect(lineWith(shown, 'δ h1.1 =')).toMatch(new RegExp(`\\(${count!} more in the diagram\\)$`));
	});
});
