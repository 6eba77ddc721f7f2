import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {BucketHistory} from '../../source/core/training/history.js';
import {ErrorChart} from '../../source/ui/components/ErrorChart.js';
import {wrapParts} from '../../source/ui/text.js';
import {plain} from '../helpers/ui.js';

describe('lines of parts wrap between their parts (issue 21: no label split from its value)', () => {
	test('wrapParts keeps each part whole where it fits, a line that goes on starts with the separator', () => {
		expect(wrapParts('yellow: test error · cyan: error', 27)).toEqual(['yellow: test error', '  · cyan: error']);
		expect(wrapParts('samples 1–2 of 200 · PgUp PgDn', 27)).toEqual(['samples 1–2 of 200', '  · PgUp PgDn']);
		expect(wrapParts('samples 1–2 of 200 · PgUp PgDn', 40)).toEqual(['samples 1–2 of 200 · PgUp PgDn']);
	});

	test("the chart's legend at 80×24 (27 columns): 'cyan: error' whole, was 'cyan:' over 'error'", () => {
		const history = (values: readonly number[]) => {
			const buckets = new BucketHistory();
			for (const [k, value] of values.entries()) {
				buckets.push(k + 1, value);
			}

			return buckets.series();
		};

		const error = history([0.9, 0.8, 0.7]);
		const {lastFrame} = render(
			<ErrorChart
				mode="error"
				logScale={false}
				history={{start: 1, error, output: error, outputSample: 0, target: 0, test: history([0.95, 0.85, 0.8]), batchError: false}}
				iteration={3}
				previous={undefined}
				learningRateChanges={[]}
				width={27}
				height={10}
			/>,
		);
		const lines = plain(lastFrame()!).split('\n');
		expect(lines.slice(-2)).toEqual(['yellow: test error', '  · cyan: error']);
	});
});
