import {describe, expect, test} from 'vitest';
import {computeLayout, MIN_COLUMNS, MIN_ROWS, type LayoutInput} from '../../source/ui/layout.js';

const tutorial: Omit<LayoutInput, 'columns' | 'rows'> = {
	weightsContent: 48,
	chainLines: 6,
	sampleCount: 1,
	diagramContent: {width: 50, lines: 6},
	diagram: 'auto',
};

describe('computeLayout', () => {
	test('below 80×24 it asks for a larger window', () => {
		expect(computeLayout({...tutorial, columns: MIN_COLUMNS - 1, rows: 40}).tooSmall).toBe(true);
		expect(computeLayout({...tutorial, columns: 120, rows: MIN_ROWS - 1}).tooSmall).toBe(true);
		expect(computeLayout({...tutorial, columns: MIN_COLUMNS, rows: MIN_ROWS}).tooSmall).toBe(false);
	});

	// a frame as tall as the screen makes Ink clear it on every frame; wider than it, lines wrap
	test.each([
		[80, 24],
		[100, 30],
		[120, 40],
		[200, 60],
		[81, 25],
	])('at %i×%i the panels fill the screen and never exceed it (one spare line)', (columns, rows) => {
		for (const sampleCount of [1, 4, 40]) {
			for (const diagram of ['auto', 'on', 'off'] as const) {
				const layout = computeLayout({...tutorial, columns, rows, sampleCount, diagram});
				if (layout.tooSmall) {
					throw new Error('too small');
				}

				// status (2) + panels + keys (1) = rows - 1
				expect(2 + layout.weights.height + layout.chain.height + 1).toBe(rows - 1);
				expect(layout.chart.height).toBe(layout.weights.height);
				expect(layout.weights.width + layout.chart.width).toBe(columns);
				const right = layout.arrangement === 'row' ? layout.samples.width + layout.diagram.width : Math.max(layout.samples.width, layout.diagram.width);
				expect(right).toBeLessThanOrEqual(layout.chart.width);
				const below = layout.arrangement === 'column' ? layout.samples.height + layout.diagram.height : Math.max(layout.samples.height, layout.diagram.height);
				expect(below).toBeLessThanOrEqual(layout.chain.height);
				expect(layout.diagram.width > 0 || layout.samples.width > 0).toBe(true);
				if (diagram === 'off') {
					expect(layout.diagram.width).toBe(0);
				}

				if (diagram === 'on') {
					expect(layout.diagram.width).toBeGreaterThan(0);
				}
			}
		}
	});

	test("at 80×24 'auto' keeps the samples and leaves the diagram to d; at 120×40 both show", () => {
		const small = computeLayout({...tutorial, columns: 80, rows: 24});
		const large = computeLayout({...tutorial, columns: 120, rows: 40});
		if (small.tooSmall || large.tooSmall) {
			throw new Error('too small');
		}

		expect(small.samples.width).toBeGreaterThan(0);
		expect(small.diagram.width).toBe(0);
		expect(large.samples.width).toBeGreaterThan(0);
		expect(large.diagram.width).toBeGreaterThan(0);
	});
});
