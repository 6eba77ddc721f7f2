import {afterEach, describe, expect, test} from 'vitest';
import {closeDashboards, openDashboard, panelLines} from '../helpers/ui.js';

afterEach(closeDashboards);

/** The text under the surface: the panel's lines after the drawing, joined (wrapped lines read as one). */
const footerOf = (frame: string) =>
	panelLines(frame, 'Error surface')
		.filter(line => !/^[░▒▓█·o@←↑→↓↖↗↘↙]+$/.test(line))
		.join(' ')
		.replaceAll(/\s+/g, ' ');

describe('the Error surface panel', () => {
	test('E shows it (the plane of the selected weight and the next), a and v choose the axes, j follows the selection again', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		expect(dashboard.frame()).not.toContain('Error surface');
		await dashboard.press('E', /Error surface W11 → W21 ↑/);
		const screen = await dashboard.until(frame => footerOf(frame).includes('training sample'));
		const footer = footerOf(screen);
		expect(footer).toMatch(/→ W11 -?\d\S* … \d\S*,? ↑ W21 -?\d\S* … \d\S*/);
		expect(footer).toMatch(/error \S+ ░▒▓█ \S+/);
		// the error at the current point is the status line's (the initial weights' error, before any iteration)
		const status = Number(/initial error (\S+)/.exec(screen)![1]);
		const now = Number(/@ now (\S+)/.exec(footer)![1]);
		expect(Math.abs(now - status) / status).toBeLessThan(1e-3);
		expect(footer).toContain('the mean error over 1 training sample');
		expect(panelLines(screen, 'Error surface').join('')).toContain('@');
		// across: the weight after W11 is W21, the one up: so W31
		await dashboard.press('a', /Error surface W31 → W21 ↑/);
		await dashboard.press('V', /Error surface W31 → W11 ↑/);
		await dashboard.press('j', /Error surface W21 → W31 ↑/);
	});

	test("on the spiral E puts it in the map's place, the penalty named under it; m brings the map back", async () => {
		const dashboard = await openDashboard(['--preset', 'spiral', '--seed', '1', '--paused', '--l2', '0.001'], {columns: 120, rows: 40});
		await dashboard.until('╭─ Map');
		const screen = await dashboard.press('E', frame => footerOf(frame).includes('the mean error over 160 training samples + the penalty (L2 0.001)'));
		expect(screen).not.toContain('╭─ Map');
		expect(footerOf(screen)).toMatch(/→ w1\[1,1\] .* ↑ w1\[1,2\] /);
		await dashboard.press('m', '╭─ Map');
	});
});
