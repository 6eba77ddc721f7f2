import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {BucketHistory, EMPTY_SERIES} from '../../source/core/training/history.js';
import {ErrorChart} from '../../source/ui/components/ErrorChart.js';
import {closeDashboards, openDashboard, panelLines, plain} from '../helpers/ui.js';

afterEach(closeDashboards);

/** The chart's rows: each label's value and the column of its axis mark. */
function axisRows(lines: readonly string[]): Array<{value: number; column: number}> {
	return lines.flatMap(line => {
		const match = /^ *(\S+) [┤┼]/.exec(line);
		return match ? [{value: Number(match[1]), column: match[0].length - 1}] : [];
	});
}

describe('an error that falls to 1e-18 (issue 21, from the new-user try)', () => {
	// the tutorial with lr 0.01 reaches its target: the error falls from 0.335 to about 1e-18
	const buckets = new BucketHistory();
	for (let k = 1; k <= 20_000; k++) {
		buckets.push(k, 0.335 * Math.exp(-k / 300) + 1.16e-18);
	}

	const series = buckets.series();
	test.each([
		[65, 17],
		[27, 10],
		[98, 28],
		[99, 40],
	])('at %i×%i: a row a line, every label a whole number ≥ 0, the axis in one column', (width, height) => {
		const {lastFrame} = render(
			<ErrorChart
				mode="error"
				logScale={false}
				history={{start: 1, error: series, output: series, outputSample: 0, target: 0, test: EMPTY_SERIES, batchError: false}}
				iteration={20_000}
				previous={undefined}
				learningRateChanges={[]}
				width={width}
				height={height}
			/>,
		);
		const lines = plain(lastFrame()!).split('\n');
		const rows = axisRows(lines);
		// before: -5.55e-17 at the bottom, a wider label jogging the axis, and at 98×28 one line and an ellipsis
		expect(rows).toHaveLength(height - 1);
		expect(rows.every(row => Number.isFinite(row.value) && row.value >= 0)).toBe(true);
		expect(new Set(rows.map(row => row.column)).size).toBe(1);
		expect(lines.slice(0, height - 1).join('\n')).not.toContain('…');
	});
});

test('the dashboard: --seed 0 --lr 0.01 --iterations 20000 --speed max at 120×40, done: the curve drawn down to its end, no negative error', async () => {
	const dashboard = await openDashboard(['--seed', '0', '--lr', '0.01', '--iterations', '20000', '--speed', 'max'], {columns: 120, rows: 40});
	const screen = await dashboard.until(frame => /^done · iteration 20,000/m.test(frame));
	const chart = panelLines(screen, 'Error');
	const rows = axisRows(chart);
	expect(rows.length).toBeGreaterThan(10);
	expect(rows.every(row => row.value >= 0)).toBe(true);
	expect(rows.at(-1)!.value).toBeLessThan(1e-15);
});
