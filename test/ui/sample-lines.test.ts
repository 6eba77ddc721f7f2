import {describe, expect, test} from 'vitest';
import {sampleLines} from '../../source/ui/components/SamplesPanel.js';

describe('a sample in the list wraps whole parts (issue 21: no label split from its value)', () => {
	// the spiral's held-out sample #2 at 120×40 read '-0.521837 →' over '0.966737 (target' over '1,'
	const row = {index: 1, inputs: [0.156_793, -0.521_837], target: [1], predicted: [0.966_737], error: 0.033_829_2, test: true, inBatch: false};
	test.each([26, 30, 40, 60])('at %i columns: no line ends with the arrow or a label, every value whole', width => {
		const lines = sampleLines(row, 200, width);
		for (const line of lines) {
			expect(line.length).toBeLessThanOrEqual(width);
			expect(line).not.toMatch(/(→|\(target|error)$/);
		}

		const text = lines.map(line => line.trim()).join(' ');
		expect(text).toContain('→ 0.966737');
		expect(text).toContain('(target 1, error 0.0338292)');
	});
});
