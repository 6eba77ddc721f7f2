import {afterEach, describe, expect, test} from 'vitest';
import {render} from 'ink-testing-library';
import {BucketHistory, EMPTY_SERIES} from '../../source/core/training/history.js';
import {ErrorChart, markerText} from '../../source/ui/components/ErrorChart.js';
import {closeDashboards, iterationOf, openDashboard, panelLines, plain} from '../helpers/ui.js';

afterEach(closeDashboards);

describe('learning-rate marks (issue 21, bug 9)', () => {
	test('every change has its ▲; labels in the status line’s format where there is room, the rest after the last mark', () => {
		expect(markerText([{at: 8, learningRate: 0.002}], 60)).toEqual([`${' '.repeat(8)}▲lr 0.002`]);
		// two changes closer than a label: both marked, the second's rate listed after it
		const close = markerText(
			[
				{at: 8, learningRate: 0.002},
				{at: 12, learningRate: 0.0005},
			],
			60,
		);
		expect(close).toHaveLength(1);
		expect([...close[0]!].filter(c => c === '▲')).toHaveLength(2);
		expect(close[0]).toMatch(/▲ +▲ lr 0\.002, 0\.0005$/);
		expect(close[0]).not.toMatch(/e-4/);
		// no room to list them: a count
		expect(
			markerText(
				[
					{at: 8, learningRate: 0.002},
					{at: 12, learningRate: 0.0005},
				],
				28,
			),
		).toEqual([`${' '.repeat(8)}▲   ▲ (2 unlabelled)`]);
		// nor room for a count (the chart at 80×24 is 27 wide): the rates on a line of their own
		const marks = [
			{at: 14, learningRate: 0.002},
			{at: 20, learningRate: 0.0005},
		];
		expect(markerText(marks, 27)).toEqual([`${' '.repeat(14)}▲     ▲`, '▲ lr 0.002, 0.0005']);
		// too many for that line: how many, and the last rate
		const many = Array.from({length: 6}, (_, k) => ({at: 14 + k, learningRate: 0.002 / 2 ** k}));
		expect(markerText(many, 27)[1]).toBe('▲ 6 changes, the last to lr 0.0000625');
	});

	test.each([
		[120, 40],
		[80, 24],
	])('--seed 0 --paused at %i×%i, n ] n [ [ n: both changes marked, 0.002 and 0.0005', async (columns, rows) => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns, rows});
		const keys: Array<[string, number]> = [
			['n', 100],
			[']', 100],
			['n', 200],
			['[', 200],
			['[', 200],
			['n', 300],
		];
		for (const [key, iteration] of keys) {
			await dashboard.press(key, frame => iterationOf(frame) === iteration && (key === 'n' || frame.includes('lr')));
		}

		const screen = await dashboard.until(frame => iterationOf(frame) === 300 && frame.includes('0.0005'));
		const chart = panelLines(screen, 'Error').join('\n');
		// the marks' line: a ▲ a change (at 80×24 their rates on the line under it)
		const marks = chart.split('\n').find(line => line.includes('▲'))!;
		expect([...marks].filter(c => c === '▲')).toHaveLength(2);
		expect(chart).toContain('lr 0.002');
		expect(chart).toContain('0.0005');
	});
});

describe('log scale (issue 21, bug 10)', () => {
	test('after l the chart says log; after l again it does not', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 80, rows: 24});
		await dashboard.press('n', frame => iterationOf(frame) === 100 && frame.includes('iterations 1 … 100'));
		let screen = await dashboard.press('l', 'iterations 1 … 100 · log');
		expect(panelLines(screen, 'Error').join('\n')).toContain('iterations 1 … 100 · log');
		screen = await dashboard.press('l', frame => frame.includes('iterations 1 … 100') && !frame.includes('· log'));
		expect(screen).not.toContain('· log');
	});
});

describe('a batch error that jumps from batch to batch (issue 21)', () => {
	// batches whose error is 0.25 to 0.4, and one that dips to 0.04 at iteration 151: inside a column of about 6
	// iterations (not its last) for any width from 48 to 56 columns, so a column's last value hides it
	const errors = Array.from({length: 300}, (_, k) => (k + 1 === 151 ? 0.04 : k % 2 === 0 ? 0.4 : 0.25));
	const chartOf = (batchError: boolean) => {
		const history = (values: readonly number[]) => {
			const buckets = new BucketHistory();
			for (const [k, value] of values.entries()) {
				buckets.push(k + 1, value);
			}

			return buckets.series();
		};

		const {lastFrame} = render(
			<ErrorChart
				mode="error"
				logScale={false}
				history={{start: 1, error: history(errors), output: history(errors), outputSample: 0, target: 0, test: EMPTY_SERIES, batchError}}
				iteration={300}
				previous={undefined}
				learningRateChanges={[]}
				width={60}
				height={16}
			/>,
		);
		return plain(lastFrame()!);
	};

	const axisLabels = (frame: string) => [...frame.matchAll(/^ *(-?[\d.]+) [┤┼]/gm)].map(match => Number(match[1]));

	test("each column's lowest and highest are drawn, so the axis reaches the dip to 0.04 a column's last value hides", () => {
		const frame = chartOf(true);
		expect(Math.min(...axisLabels(frame))).toBeLessThan(0.05);
		expect(Math.max(...axisLabels(frame))).toBeGreaterThan(0.39);
		expect(frame).toContain("grey: each column's range");
	});

	test('the error of every training sample is drawn as it is: no band, no legend for it', () => {
		const frame = chartOf(false);
		expect(frame).not.toContain("each column's range");
	});
});
