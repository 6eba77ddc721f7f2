import {afterEach, describe, expect, test} from 'vitest';
import {computeLayout, MIN_COLUMNS, MIN_ROWS, type Box, type Want} from '../../source/ui/layout.js';
import {closeDashboards, iterationOf, linesOf, openDashboard, plain, type Dashboard} from '../helpers/ui.js';

afterEach(closeDashboards);

const SIZES = [
	[80, 24],
	[100, 30],
	[120, 40],
	[200, 60],
] as const;

describe('computeLayout', () => {
	type Panels = {
		weightsWidth: number;
		chainLines: number;
		sampleLines: number;
		diagram: {width: number; lines: number};
		diagramChoice: 'auto' | 'on' | 'off';
		mapAvailable: boolean;
		mapChoice: 'auto' | 'on' | 'off';
		phaseLines: number;
		columns?: number;
		rows?: number;
	};
	// 3 → 2 → 1 drawn short: a line a neuron of its widest layer, and the caption
	const DIAGRAM_MIN_LINES = 4;
	const tutorial: Panels = {
		weightsWidth: 49,
		chainLines: 7,
		sampleLines: 4,
		diagram: {width: 60, lines: 5},
		diagramChoice: 'auto',
		mapAvailable: false,
		mapChoice: 'auto',
		phaseLines: 0,
	};
	/** The dashboard's panels as the registry declares them: what each wants, in its room. */
	const wantsOf = (panels: Panels): Want[] => [
		{id: 'weights', room: 'left', width: panels.weightsWidth, lines: 0, choice: 'always'},
		{id: 'chain', room: 'left', width: 0, lines: panels.chainLines, choice: 'always'},
		{id: 'chart', room: 'top', width: 0, lines: 0, choice: 'always'},
		{id: 'samples', room: 'bottom', width: 0, lines: panels.sampleLines, choice: 'always'},
		{id: 'diagram', room: 'bottom', ...panels.diagram, minLines: DIAGRAM_MIN_LINES, choice: panels.diagramChoice},
		...(panels.mapAvailable ? [{id: 'map', room: 'side', width: 0, lines: 0, choice: panels.mapChoice} as const] : []),
	];
	const layoutOf = (panels: Panels & {columns: number; rows: number}) => {
		const layout = computeLayout({columns: panels.columns, rows: panels.rows, phaseLines: panels.phaseLines, wants: wantsOf(panels)});
		if (layout.tooSmall) {
			return layout;
		}

		const box = (id: string): Box => layout.boxes[id] ?? {width: 0, height: 0};
		return {
			...layout,
			weights: box('weights'),
			chain: box('chain'),
			chart: box('chart'),
			samples: box('samples'),
			diagram: box('diagram'),
			map: box('map'),
			mapPlace: layout.sidePlace,
		};
	};

	test('below 80×24 it asks for a larger window', () => {
		expect(layoutOf({...tutorial, columns: MIN_COLUMNS - 1, rows: 40}).tooSmall).toBe(true);
		expect(layoutOf({...tutorial, columns: 200, rows: MIN_ROWS - 1}).tooSmall).toBe(true);
		expect(layoutOf({...tutorial, columns: MIN_COLUMNS, rows: MIN_ROWS}).tooSmall).toBe(false);
	});

	test.each(SIZES)('at %i×%i the panels fill the screen less one line, side by side within its width', (columns, rows) => {
		for (const sampleLines of [4, 9]) {
			for (const diagramChoice of ['auto', 'on', 'off'] as const) {
				for (const [mapAvailable, mapChoice] of [
					[false, 'auto'],
					[true, 'auto'],
					[true, 'on'],
					[true, 'off'],
				] as const) {
					for (const phaseLines of [0, 2]) {
						const input = {...tutorial, columns, rows, sampleLines, diagramChoice, mapAvailable, mapChoice, phaseLines};
						const layout = layoutOf(input);
						if (layout.tooSmall) {
							throw new Error(`${columns}×${rows} is not too small`);
						}

						const what = JSON.stringify(input);
						// status (2 lines), the phase lines, the panels, the keys line: one line spare
						expect(2 + phaseLines + layout.weights.height + layout.chain.height + 1, what).toBe(rows - 1);
						const right = columns - layout.weights.width;
						const top = layout.mapPlace === 'top' || layout.mapPlace === 'right' ? layout.map : layout.chart;
						expect(top.width, what).toBe(right);
						// in a small window the map takes the right column whole, unless d asked for the diagram under it
						expect(layout.mapPlace === 'right', what).toBe(layout.mapPlace !== undefined && layout.mapPlace !== 'bottom' && diagramChoice !== 'on');
						expect(top.height, what).toBe(layout.mapPlace === 'right' ? layout.weights.height + layout.chain.height : layout.weights.height);
						const beside = layout.mapPlace === 'bottom' ? layout.map.width : 0;
						const under = layout.arrangement === 'row' ? layout.samples.width + layout.diagram.width : Math.max(layout.samples.width, layout.diagram.width);
						expect(under + beside, what).toBeLessThanOrEqual(right);
						const below =
							layout.arrangement === 'column' ? layout.samples.height + layout.diagram.height : Math.max(layout.samples.height, layout.diagram.height);
						expect(Math.max(below, layout.mapPlace === 'bottom' ? layout.map.height : 0), what).toBeLessThanOrEqual(layout.chain.height);
						expect(layout.diagram.width > 0 || layout.samples.width > 0, what).toBe(layout.mapPlace !== 'right');
						// the diagram is drawn whole or not at all: as wide as it asks, and tall enough for a line a neuron and its caption
						if (layout.diagram.width > 0) {
							expect(layout.diagram.width, what).toBeGreaterThanOrEqual(tutorial.diagram.width + 4);
							expect(layout.diagram.height - 2, what).toBeGreaterThanOrEqual(DIAGRAM_MIN_LINES);
						}

						// d asks for it: shown where it fits whole, and otherwise the layout says what it needs
						if (diagramChoice === 'on') {
							expect(layout.diagram.width > 0 || layout.refused?.id === 'diagram', what).toBe(true);
							expect(layout.diagram.width > 0, what).toBe(columns - layout.weights.width >= tutorial.diagram.width + 4);
						}

						if (diagramChoice === 'off') {
							expect(layout.diagram.width, what).toBe(0);
						}

						const mapWanted = mapAvailable && mapChoice !== 'off' && (mapChoice === 'on' || (columns >= 120 && rows >= 36));
						// beside the diagram asked for with d, the map gives way where the two do not fit side by side (30 columns the map's least)
						const gaveWay = diagramChoice === 'on' && layout.diagram.width > 0 && right - 30 < tutorial.diagram.width + 4;
						expect(layout.map.width > 0, what).toBe(mapWanted && !gaveWay);
					}
				}
			}
		}
	});

	test('a lesson step that hides the left column, at 80×24: the map a column of its own, as tall as the panels, beside the chart over the samples; none given up', () => {
		const layout = computeLayout({
			columns: 80,
			rows: 24,
			phaseLines: 0,
			wants: [
				{id: 'band', room: 'band', width: 0, lines: 5, choice: 'always'},
				{id: 'weights', room: 'left', width: 49, lines: 0, choice: 'off'},
				{id: 'chain', room: 'left', width: 0, lines: 7, choice: 'off'},
				{id: 'chart', room: 'top', width: 0, lines: 0, choice: 'on'},
				{id: 'samples', room: 'bottom', width: 0, lines: 5, choice: 'on'},
				{id: 'map', room: 'side', width: 0, lines: 0, choice: 'on'},
			],
		});
		if (layout.tooSmall) {
			throw new Error('80×24 is not too small');
		}

		const {chart, samples, map} = layout.boxes;
		expect(layout.sidePlace).toBe('column');
		// the panels' lines: 24 less the status (2), the keys (1), a spare line and the text's 7
		expect(map).toEqual({width: 30, height: 13});
		expect(chart!.width + map!.width).toBe(80);
		expect(samples!.width).toBe(chart!.width);
		expect(samples!.height).toBe(7);
		expect(chart!.height + samples!.height).toBe(map!.height);
	});

	test('a lesson step of the weights and the network alone, at 80×24: the diagram, too wide beside the weights, is not shown and says what it needs; at 120×40 it is drawn', () => {
		const wants = [
			{id: 'band', room: 'band', width: 0, lines: 5, choice: 'always'},
			{id: 'weights', room: 'left', width: 45, lines: 0, choice: 'always'},
			{id: 'samples', room: 'bottom', width: 0, lines: 4, choice: 'off'},
			// 3 → 2 → 1: 58 columns, 7 lines, 4 at the fewest (a line a neuron and the caption)
			{id: 'diagram', room: 'bottom', width: 58, lines: 7, minLines: 4, choice: 'always'},
		] as const;
		const small = computeLayout({columns: 80, rows: 24, phaseLines: 0, wants});
		const large = computeLayout({columns: 120, rows: 40, phaseLines: 0, wants});
		if (small.tooSmall || large.tooSmall) {
			throw new Error('80×24 is not too small');
		}

		// before: the diagram was the room's first panel, taken for the flexible one, and given 29 columns
		expect(small.boxes.diagram).toBeUndefined();
		expect(small.refused).toEqual({id: 'diagram', columns: 62, lines: 6});
		expect(large.boxes.diagram!.width).toBeGreaterThanOrEqual(62);
		expect(large.refused).toBeUndefined();
	});
});

/** Every frame the dashboard wrote fits the terminal: no line wider, and one line less tall, so that Ink never clears the screen. */
function expectFramesFit(dashboard: Dashboard, columns: number, rows: number, what: string): void {
	expect(dashboard.frames.length).toBeGreaterThan(0);
	for (const frame of dashboard.frames) {
		const lines = linesOf(plain(frame).replace(/\n$/, ''));
		expect(lines.length, `${what}: ${lines.length} lines\n${plain(frame)}`).toBeLessThanOrEqual(rows - 1);
		for (const line of lines) {
			// a column a character, combining marks (the m̂ of Adam's chain) none
			expect([...line.replaceAll(/\p{M}/gu, '')].length, `${what}: a line wider than ${columns}\n${line}`).toBeLessThanOrEqual(columns);
		}
	}
}

const csv = Array.from({length: 50}, (_, s) => Array.from({length: 12}, (_, k) => ((s * 5 + k * 7) % 13) / 12).join(',')).join('\n');

const RUNS: ReadonlyArray<{name: string; flags: string[]; map?: boolean; loaded?: {csv: string}}> = [
	{name: 'tutorial-3', flags: []},
	{name: 'tutorial-10', flags: ['--preset', 'tutorial-10']},
	{name: 'xor', flags: ['--preset', 'xor']},
	{name: 'spiral with the map', flags: ['--preset', 'spiral'], map: true},
	{name: '8,64,64,4 over 50 samples', flags: ['--layers', '8,64,64,4', '--data', 'wide.csv'], loaded: {csv}},
];

describe('the dashboard fits its terminal', () => {
	test.each(RUNS)('$name', async ({name, flags, map, loaded}) => {
		for (const [columns, rows] of SIZES) {
			const what = `${name} at ${columns}×${rows}`;
			const dashboard = await openDashboard(['--seed', '0', '--paused', ...flags], {columns, rows, loaded});
			if (map) {
				// below 120×36 the map shows only when asked for, in the chart's place
				const screen = dashboard.frame().includes('╭─ Map') ? dashboard.frame() : await dashboard.press('m', '╭─ Map');
				expect(screen, what).toMatch(/→ x1 -1 … 1, ↑ x2 -1 … 1/);
			}

			await dashboard.press('s', frame => iterationOf(frame) === 1);
			expectFramesFit(dashboard, columns, rows, what);
			await dashboard.close();
		}
	});
});
