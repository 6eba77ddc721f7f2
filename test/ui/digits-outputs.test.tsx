import {afterEach, describe, expect, test} from 'vitest';
import {loadPackaged} from '../../source/cli/packaged.js';
import type {DigitsData} from '../../source/session/views/digits.js';
import {DigitsPanel} from '../../source/ui/components/DigitsPanel.js';
import {closeDashboards, frameAt, openDashboard, panelLines, plain} from '../helpers/ui.js';

afterEach(closeDashboards);

/** A sample of true class 1 taken for a 5: the outputs' order (5, 1, then 8, 6, 7 …) is not the classes'. */
const digit: DigitsData = {
	sample: 11,
	test: false,
	sampleCount: 2000,
	width: 28,
	height: 28,
	pixels: Array.from({length: 28 * 28}, (_, k) => (k % 3 === 0 ? 1 : 0)),
	classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
	target: 1,
	outputs: [0.01, 0.2, 0.02, 0.015, 0.005, 0.6, 0.04, 0.03, 0.07, 0.01],
	predicted: 5,
	wrong: {count: 321, previous: 3, next: 17},
};

/** `5: 60.0 %` parts of a line, and its `… N more`. */
const partsOf = (line: string) => ({
	classes: [...line.matchAll(/(\d): [\d.]+ %/g)].map(match => match[1]),
	more: Number(/… (\d+) more$/.exec(line.trim())?.[1] ?? 0),
});

describe('the Digits panel shows the classes that tell most first, and counts the others (issue 21)', () => {
	test('too narrow for the bars: the predicted, the true class, the runners-up, then … N more, the counts adding to 10', () => {
		for (const width of [20, 28, 36, 47]) {
			const lines = plain(frameAt(<DigitsPanel data={digit} colour={false} width={width} height={20} />, width)).split('\n');
			const {classes, more} = partsOf(lines.findLast(line => line.includes('%'))!);
			expect(classes.length + more, `at ${width}`).toBe(10);
			expect(classes, `at ${width}`).toEqual(['5', '1', '8', '6', '7', '2', '3', '0', '9', '4'].slice(0, classes.length));
			expect(classes.length, `at ${width}`).toBeGreaterThan(0);
		}
	});

	test('bars beside the picture with fewer lines than classes: the ones that tell most, then … N more', () => {
		const lines = plain(frameAt(<DigitsPanel data={digit} colour={false} width={60} height={9} />, 60)).split('\n');
		const bars = lines.map(line => /\s(\d) [▇ ]+\s+[\d.]+ %/.exec(line)?.[1]).filter(Boolean);
		expect(bars).toEqual(['5', '1', '8', '6', '7', '2', '3']);
		expect(lines.join('\n')).toContain('… 3 more');
	});

	test('bars for every class when they fit: in class order, nothing counted', () => {
		const lines = plain(frameAt(<DigitsPanel data={digit} colour={false} width={60} height={16} />, 60)).split('\n');
		const bars = lines.map(line => /\s(\d) [▇ ]+\s+[\d.]+ %/.exec(line)?.[1]).filter(Boolean);
		expect(bars).toEqual(digit.classes);
		expect(lines.join('\n')).not.toContain('more');
	});

	test('mnist at 120×40: the outputs line says how many classes it leaves out', async () => {
		const digits = {name: 'mnist' as const, samples: loadPackaged('mnist', 60)};
		const dashboard = await openDashboard(['--preset', 'mnist', '--samples', '60', '--seed', '0', '--paused'], {
			columns: 120,
			rows: 40,
			loaded: {packaged: digits},
		});
		const frame = await dashboard.until(text => panelLines(text, 'Digits').length > 0);
		const panel = panelLines(frame, 'Digits');
		const predicted = /predicted (\d)/.exec(panel[0]!)![1];
		const {classes, more} = partsOf(panel.findLast(line => line.includes('%'))!);
		expect(classes[0]).toBe(predicted);
		expect(classes.length + more).toBe(10);
		expect(more).toBeGreaterThan(0);
	});
});
