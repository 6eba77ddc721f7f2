import {stripVTControlCharacters} from 'node:util';
import {afterEach, describe, expect, test} from 'vitest';
import type {SurfaceData} from '../../source/session/views/surface.js';
import {surfaceFooter} from '../../source/ui/surface.js';
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
		// the error at the current point, to the status line's digits: before any iteration, the initial error
		expect(/@ now (\S+)/.exec(footer)![1]).toBe(/initial error (\S+)/.exec(screen)![1]);
		// after an iteration, the error at the weights it left: the one the next iteration's forward pass computes, and said so
		const stepped = footerOf(await dashboard.press('s', frame => footerOf(frame).includes('(after update 1)')));
		const next = await dashboard.press('s', /iteration 2 /);
		expect(/@ now (\S+)/.exec(stepped)![1]).toBe(/ error (\S+)/.exec(next.split('\n')[1]!)![1]);
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

describe('the scale legend at 80 columns', () => {
	test('--race at 80×24: a legend too wide for the panel goes on two labelled lines, each bound whole, no line wider than the panel', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused', '--race', '--lr 0.001', '--race', '--lr 0.01'], {columns: 80, rows: 24});
		const screen = await dashboard.press('E', frame => footerOf(frame).includes('error '));
		const top = screen.split('\n').find(line => line.includes('╭─ Error surface'))!;
		// the panel's inner width: its border, and a space each side
		const width = top.indexOf('╮', top.indexOf('╭─ Error surface')) - top.indexOf('╭─ Error surface') - 3;
		expect(width).toBeLessThan(30);
		const surface = {...bowl(), range: [0.012_345, 0.045_678] as [number, number]};
		const footer = (colour: boolean, at: number) => surfaceFooter(surface, at, {colour}, {columns: at, rows: 10}).map(line => stripVTControlCharacters(line));
		// eight colours: 28 columns on one line, too wide
		expect(footer(true, width).every(line => line.length <= width)).toBe(true);
		expect(footer(true, width)).toContain('error 0.0123 … 0.0457');
		expect(footer(true, width)).toContain(`low ${'█'.repeat(8)} high`);
		// where it fits, one line as before: four shades here, eight colours in a wider panel
		expect(footer(false, width)).toContain('error 0.0123 ░▒▓█ 0.0457');
		expect(footer(true, 40)).toContain(`error 0.0123 ${'█'.repeat(8)} 0.0457`);
	});
});

/** A bowl-shaped error over W41, W42 in -1 … 1. */
function bowl(): SurfaceData {
	const side = 21;
	const xs = Array.from({length: side}, (_, k) => -1 + (2 * k) / (side - 1));
	return {
		names: ['W41', 'W42'],
		a: 6,
		b: 7,
		x: [-1, 1],
		y: [-1, 1],
		columns: side,
		rows: side,
		errors: Array.from({length: side * side}, (_, k) => xs[k % side]! ** 2 + xs[side - 1 - Math.floor(k / side)]! ** 2),
		range: [0, 2],
		path: {a: [-1, -0.5, 0.5], b: [-1, -0.5, 0]},
		current: [0.5, 0],
		error: 0.25,
		descent: [-1, 0],
		penalty: undefined,
		iteration: 10,
		costMs: 1,
		spanMs: 1,
		samples: 1,
	};
}
