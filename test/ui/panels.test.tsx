import {loadPackaged} from '../../source/cli/packaged.js';
import {isPackagedName} from '../../source/core/data/packaged.js';
import {Box, Text} from 'ink';
import {afterEach, describe, expect, onTestFinished, test} from 'vitest';
import type {MapData} from '../../source/session/views/map.js';
import {neuronName, weightRefs} from '../../source/core/names.js';
import {PRESETS} from '../../source/core/presets.js';
import {DEFAULT_VIEW} from '../../source/session/views/snapshot.js';
import type {Window} from '../../source/session/views/context.js';
import type {WeightRow} from '../../source/session/views/weights.js';
import {LocalSession} from '../../source/session/client.js';
import {KeysLine} from '../../source/ui/components/KeysLine.js';
import {MapPanel} from '../../source/ui/components/MapPanel.js';
import {NetworkDiagram, wholeLines} from '../../source/ui/components/NetworkDiagram.js';
import {Panel} from '../../source/ui/components/Panel.js';
import {SamplesPanel} from '../../source/ui/components/SamplesPanel.js';
import {WeightsTable, weightsTableWidth} from '../../source/ui/components/WeightsTable.js';
import {weightGlyph} from '../../source/ui/diagram.js';
import {colourOf} from '../../source/ui/map.js';
import {screenOf} from '../../source/ui/screen.js';
import {INITIAL_STATE} from '../../source/ui/state.js';
import {closeDashboards, componentTerminal, CUT_NUMBER, frameAt, linesOf, openDashboard, panelLines, plain, runOptions} from '../helpers/ui.js';

afterEach(closeDashboards);

/** The first snapshot of a session of these flags (files "read" given as `loaded`), with `view` asked for. */
async function snapshotOf(flags: readonly string[], loaded = {}, panels = {}) {
	const session = new LocalSession(runOptions(['--paused', ...flags], loaded));
	session.send({type: 'view', view: {...DEFAULT_VIEW, panels: {...DEFAULT_VIEW.panels, ...panels}}});
	const snapshot = session.getSnapshot()!;
	await session.close();
	return snapshot;
}

/** A seeded generator (mulberry32): the same random rows on every run. */
function randomOf(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d_2b_79_f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

describe('WeightsTable', () => {
	test('random magnitudes from 1e-300 to 1e+300: every value, change and gradient whole, each row within the width', async () => {
		const random = randomOf(7);
		const magnitude = () => (random() < 0.5 ? -1 : 1) * (1 + 8.99 * random()) * 10 ** Math.round(600 * random() - 300);
		const tutorial = await snapshotOf(['--seed', '0']);
		const layout = screenOf(tutorial, INITIAL_STATE, 80, 24, false).layout;
		if (layout.tooSmall) {
			throw new Error('80×24 is the smallest layout');
		}

		// the width the 80-column layout gives the table inside its panel
		const narrowest = layout.boxes.weights!.width - 4;
		const terminal = componentTerminal();
		onTestFinished(() => terminal.close());
		for (const showCheck of [false, true]) {
			const rows: WeightRow[] = weightRefs([3, 2, 1], false).map(ref => ({
				...ref,
				value: magnitude(),
				change: magnitude(),
				gradient: magnitude(),
				check: showCheck ? Math.abs(magnitude()) : undefined,
			}));
			const weights: Window<WeightRow> = {start: 0, total: rows.length, rows};
			const widest = weightsTableWidth(weights, showCheck);
			expect(narrowest).toBeLessThan(widest);
			for (let width = widest; width >= narrowest; width--) {
				const frame = plain(
					terminal.frame(
						<Box width={width}>
							<WeightsTable weights={weights} selected={0} height={10} showCheck={showCheck} width={width} />
						</Box>,
					),
				);
				const lines = linesOf(frame);
				expect(lines).toHaveLength(rows.length + 1);
				for (const [k, row] of rows.entries()) {
					const line = lines[k + 1]!;
					expect(line.length, line).toBeLessThanOrEqual(width);
					expect(line).not.toContain('…');
					expect(line.startsWith(`${row.name} `), line).toBe(true);
					const cells = line
						.trim()
						.split(/\s+/)
						.slice(showCheck ? -4 : -3);
					const shown = [row.value, row.change!, row.gradient!, ...(showCheck ? [row.check!] : [])];
					for (const [c, cell] of cells.entries()) {
						const value = Number(cell);
						const actual = shown[c]!;
						// whole: the cell is the number itself, rounded to the digits it has room for
						expect(Number.isFinite(value), `${cell} in ${line}`).toBe(true);
						expect(Math.sign(value)).toBe(Math.sign(actual));
						expect(Math.abs(value - actual) / Math.abs(actual), `${cell} for ${actual}`).toBeLessThanOrEqual(0.5);
					}

					// a change is signed: a positive one shows its +
					expect(cells[1]!.startsWith(row.change! > 0 ? '+' : '-'), line).toBe(true);
				}
			}
		}
	});
});

describe('MapPanel', () => {
	// one sigmoid neuron with weights 1, -1 and bias 0: its output is sigmoid(x1 − x2), the boundary the line x1 = x2
	const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
	const CSV = 'x1,x2,t\n-3,3,0\n3,-3,1\n-2,1,0\n2,-1,1\n-1,2,0\n1,-2,1\n-3,-1,0\n3,1,1\n-2,3,0\n2,-3,1\n';
	const COLUMNS = 24;
	const LINES = 8;
	const mapOf = async () =>
		(
			await snapshotOf(
				['--layers', '2,1', '--bias', '--data', 'line.csv', '--test', '0.4', '--seed', '0'],
				{csv: CSV, weights: [[[1, -1, 0]]]},
				{
					map: {columns: COLUMNS, rows: 2 * LINES, layer: 0},
				},
			)
		).panels.map!;

	/** The centre of pixel (column, pixel row) on the plane. */
	const pixel = (map: MapData, column: number, row: number) => {
		const x2 = map.x2!;
		return {
			x1: map.x1[0] + ((map.x1[1] - map.x1[0]) * (column + 0.5)) / COLUMNS,
			x2: x2[1] - ((x2[1] - x2[0]) * (row + 0.5)) / (2 * LINES),
		};
	};

	/** The character cell a sample falls in. */
	const cellOf = (map: MapData, point: {x1: number; x2: number}) => {
		const x2 = map.x2!;
		return {
			column: Math.floor(((point.x1 - map.x1[0]) / (map.x1[1] - map.x1[0])) * COLUMNS),
			line: Math.floor(((x2[1] - point.x2) / (x2[1] - x2[0])) * LINES),
		};
	};

	/** The characters of a line of terminal output with the 256-colour foreground and background each is drawn in. */
	function cellsOf(line: string): Array<{character: string; fg: number | undefined; bg: number | undefined}> {
		const cells: Array<{character: string; fg: number | undefined; bg: number | undefined}> = [];
		let fg: number | undefined;
		let bg: number | undefined;
		// eslint-disable-next-line no-control-regex -- terminal colour codes start with ESC
		for (const match of line.matchAll(/\u001B\[([\d;]*)m|([^\u001B])/gu)) {
			if (match[2] !== undefined) {
				cells.push({character: match[2], fg, bg});
				continue;
			}

			const codes = match[1]!.split(';').map(Number);
			for (let k = 0; k < codes.length; k++) {
				if ((codes[k] === 38 || codes[k] === 48) && codes[k + 1] === 5) {
					if (codes[k] === 38) {
						fg = codes[k + 2];
					} else {
						bg = codes[k + 2];
					}

					k += 2;
				} else if (codes[k] === 39 || codes[k] === 0) {
					fg = undefined;
				}

				if (codes[k] === 49 || codes[k] === 0) {
					bg = undefined;
				}
			}
		}

		return cells;
	}

	/** The xterm cube colour's red and blue levels (0 … 5). */
	const redBlue = (code: number) => ({red: Math.floor((code - 16) / 36), blue: (code - 16) % 6});

	test('with colour: the half blocks take the colours of sigmoid(x1 − x2), orange above the line x1 = x2 and blue below', async () => {
		const map = await mapOf();
		expect(map.output.columns).toBe(COLUMNS);
		const frame = frameAt(<MapPanel map={map} style={{colour: true, discrete: false}} marked={undefined} layers={[2, 1]} width={COLUMNS} height={LINES + 4} />);
		const lines = linesOf(frame)
			.slice(0, LINES)
			.map(line => cellsOf(line));
		const marked = new Set(map.points.map(point => cellOf(map, point)).map(({line, column}) => `${line},${column}`));
		const colour = (value: number) => colourOf(value, [0, 1], false, false);
		let orange = 0;
		let blue = 0;
		for (const [line, cells] of lines.entries()) {
			expect(cells).toHaveLength(COLUMNS);
			for (const [column, cell] of cells.entries()) {
				if (marked.has(`${line},${column}`)) {
					continue;
				}

				const top = pixel(map, column, 2 * line);
				const bottom = pixel(map, column, 2 * line + 1);
				expect(cell.character).toBe('▀');
				expect([cell.fg, cell.bg], `line ${line} column ${column}`).toEqual([colour(sigmoid(top.x1 - top.x2)), colour(sigmoid(bottom.x1 - bottom.x2))]);
				const {red, blue: blueLevel} = redBlue(cell.fg!);
				if (top.x1 < top.x2 - 1) {
					expect(red).toBeGreaterThan(blueLevel);
					orange++;
				} else if (top.x1 > top.x2 + 1) {
					expect(blueLevel).toBeGreaterThan(red);
					blue++;
				}
			}
		}

		expect(orange).toBeGreaterThan(40);
		expect(blue).toBeGreaterThan(40);
		// the far corners are the Playground's orange and blue themselves
		expect(lines[0]![0]!.fg).toBe(colour(0));
		expect(lines[LINES - 1]![COLUMNS - 1]!.bg).toBe(colour(1));

		// the samples: a mark by held out or not, a colour by class
		const classColours = new Map<number, Set<number | undefined>>();
		const tests = new Set<number>();
		for (const point of map.points) {
			const {line, column} = cellOf(map, point);
			const cell = lines[line]![column]!;
			expect(cell.character).toBe(point.test ? '◆' : '●');
			classColours.set(point.value, (classColours.get(point.value) ?? new Set()).add(cell.fg));
			if (point.test) {
				tests.add(point.value);
			}
		}

		expect(tests).toEqual(new Set([0, 1]));
		expect(classColours.get(0)!.size).toBe(1);
		expect(classColours.get(1)!.size).toBe(1);
		expect([...classColours.get(0)!][0]).not.toBe([...classColours.get(1)!][0]);
		expect(plain(frame).replaceAll(/\s+/g, ' ')).toMatch(/orange low, blue high\W+● train\W+◆ test/);
	});

	test('without colour: shades ░▒▓█ by value, no escape codes, and marks by class and for test samples', async () => {
		const map = await mapOf();
		const frame = frameAt(
			<MapPanel map={map} style={{colour: false, discrete: false}} marked={undefined} layers={[2, 1]} width={COLUMNS} height={LINES + 4} />,
		);
		expect(frame).not.toContain('\u001B');
		const lines = linesOf(frame).slice(0, LINES);
		const marks = new Map<string, string>();
		for (const point of map.points) {
			const {line, column} = cellOf(map, point);
			marks.set(`${line},${column}`, point.test ? (point.value === 0 ? 'O' : 'X') : point.value === 0 ? 'o' : 'x');
		}

		expect(new Set(marks.values())).toEqual(new Set(['o', 'x', 'O', 'X']));
		for (const [line, text] of lines.entries()) {
			expect([...text]).toHaveLength(COLUMNS);
			for (const [column, character] of [...text].entries()) {
				const mark = marks.get(`${line},${column}`);
				if (mark) {
					expect(character).toBe(mark);
					continue;
				}

				// one character a cell: its top pixel, in four shades from ░ (low) to █ (high)
				const top = pixel(map, column, 2 * line);
				const value = sigmoid(top.x1 - top.x2);
				expect(character, `line ${line} column ${column}`).toBe('░▒▓█'[Math.min(3, Math.floor(value * 4))]);
				if (top.x1 < top.x2 - 1) {
					expect('░▒').toContain(character);
				} else if (top.x1 > top.x2 + 1) {
					expect('▓█').toContain(character);
				}
			}
		}

		// the legend says which mark is which
		expect(plain(frame).replaceAll(/\s+/g, ' ')).toMatch(/o x train\W+O X test/);
	});
});

describe('NetworkDiagram', () => {
	test.each([...PRESETS.keys()])('%s: every neuron is in the diagram the 200×60 layout shows after d', async name => {
		// a packaged dataset's preset reads its samples in the load step: here, as that step would (100 digits)
		const packaged = isPackagedName(name) ? {packaged: {name, samples: loadPackaged(name, name === 'mnist' ? 100 : undefined)}} : {};
		const snapshot = await snapshotOf(['--preset', name, '--seed', '0'], packaged);
		const {layers} = snapshot.run;
		const screen = screenOf(snapshot, {...INITIAL_STATE, shown: {diagram: 'on'}}, 200, 60, false);
		if (screen.layout.tooSmall) {
			throw new Error('200×60 is not too small');
		}

		const box = screen.layout.boxes.diagram!;
		expect(box.width).toBeGreaterThan(0);
		const text = plain(
			frameAt(
				<Box width={box.width - 4} height={box.height - 2} flexDirection="column">
					<NetworkDiagram diagram={snapshot.panels.diagram!} selected={screen.selected} colour={false} width={box.width - 4} height={box.height - 2} />
				</Box>,
				200,
			),
		);
		expect(text).not.toMatch(CUT_NUMBER);
		for (const line of linesOf(text)) {
			expect(line.length).toBeLessThanOrEqual(box.width - 4);
		}

		if (layers.some(n => n > 12)) {
			// too many to draw: each layer is summarised, with its size
			const neurons = (n: number) => `${n} neuron${n === 1 ? '' : 's'},`;
			expect(text).toContain(`inputs: ${neurons(layers[0]!)}`);
			expect(text).toContain(`hidden layer 1: ${neurons(layers[1]!)}`);
			expect(text).toContain(`outputs: ${neurons(layers.at(-1)!)}`);
			return;
		}

		const names = layers.flatMap((n, l) => Array.from({length: n}, (_, j) => neuronName(layers, l, j)));
		for (const neuron of names) {
			// a name and its activation
			expect(text, `${neuron} in\n${text}`).toMatch(new RegExp(`(^|\\s)${neuron.replaceAll('.', '\\.')} -?\\d`, 'm'));
		}

		// every weight into a neuron is a glyph: as many strip glyphs as weights
		const glyphs = [...text.matchAll(/[▁▂▃▄▅▆▇█▏▎▍▌▋▊▉·]/g)].length;
		expect(glyphs).toBeGreaterThanOrEqual(snapshot.run.weightCount);
	});

	test('without colour a negative weight never looks like a positive one', () => {
		for (let level = 1; level <= 8; level++) {
			expect(weightGlyph(-level / 8, 1, false).text).not.toBe(weightGlyph(level / 8, 1, false).text);
		}
	});

	test('--preset xor at 120×40: the 2 → 3 → 1 network is drawn whole or not shown; after d drawn whole, the map making room', async () => {
		const dashboard = await openDashboard(['--preset', 'xor', '--seed', '1', '--paused'], {columns: 120, rows: 40});
		const drawnWhole = (frame: string) => {
			const network = panelLines(frame, 'Network').join('\n');
			return ['x1 0', 'x2 0', 'h1 0.', 'h2 0.', 'h3 0.', 'out 0.'].every(label => network.includes(label));
		};

		expect(dashboard.frame()).not.toContain('too large');
		expect(!dashboard.frame().includes('╭─ Network') || drawnWhole(dashboard.frame())).toBe(true);
		const screen = await dashboard.press('d', '╭─ Network');
		expect(drawnWhole(screen)).toBe(true);
		expect(screen).not.toContain('too large');
	});

	test('at 80×24, d where the diagram cannot be drawn whole says what it needs, and draws nothing cut', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 80, rows: 24});
		const screen = await dashboard.press('d', 'drawn whole or not at all');
		expect(screen).toMatch(/Network: drawn whole or not at all, it needs \d+×\d+ \(now 80×24\)/);
		expect(screen).not.toContain('╭─ Network');
		expect(screen).not.toContain('too large');
	});

	test('a summary of layers too wide to draw keeps each entry whole, and says how many it leaves out', () => {
		const entries = [
			'why: per layer',
			...Array.from({length: 6}, (_, l) => `layer ${l}: 64 neurons, activation min -0.999 mean 0.0123 max 0.998`),
			'W11 = 0.5',
		];
		for (let height = 1; height <= 20; height++) {
			const lines = wholeLines(entries, 30, height);
			expect(lines.length, `height ${height}`).toBeLessThanOrEqual(Math.max(height, 1));
			const text = lines.join(' ').replaceAll(/\s+/g, ' ');
			const shown = entries.filter(entry => text.includes(entry));
			const more = text.match(/… (\d+) more not shown/);
			// every entry is there whole, or counted among those left out
			expect(shown.length + Number(more?.[1] ?? 0), `height ${height}: ${text}`).toBe(entries.length);
		}
	});

	test('d hides the diagram and shows it again', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		expect(panelLines(dashboard.frame(), 'Network').join('\n')).toMatch(/x1 0\.1 [\s\S]*h1 0\.943336[\s\S]*out 0\.778477/);
		await dashboard.press('d', frame => !frame.includes('╭─ Network'));
		const screen = await dashboard.press('d', '╭─ Network');
		expect(panelLines(screen, 'Network').join('\n')).toMatch(/x1 0\.1 [\s\S]*h1 0\.943336[\s\S]*out 0\.778477/);
	});
});

describe('Panel', () => {
	test('its top border is as wide as the panel: a title and hint are shown whole or not at all', () => {
		const terminal = componentTerminal();
		try {
			for (let width = 12; width <= 40; width++) {
				const [top, ...rest] = linesOf(
					plain(
						terminal.frame(
							<Panel title="Network" hint="sample #1 · d hides" width={width} height={4}>
								<Text>x</Text>
							</Panel>,
						),
					),
				);
				expect(top!.length, top).toBe(width);
				expect(top).toMatch(/^╭─ \S.* ─*╮$/);
				expect(top).not.toContain('…');
				expect(top!.includes('sample #1 · d hides'), top).toBe(width >= 'Network sample #1 · d hides'.length + 5);
				expect(rest.at(-1)!.length).toBe(width);
			}
		} finally {
			terminal.close();
		}
	});
});

describe('SamplesPanel', () => {
	test('at every narrow width and height, the samples and the footer fit whole: the first sample starts the panel, its footer ends it', async () => {
		const snapshot = await snapshotOf(['--preset', 'spiral', '--seed', '0']);
		const terminal = componentTerminal();
		try {
			for (const width of [20, 24, 28, 32, 40]) {
				for (const height of [4, 6, 9, 12]) {
					const frame = plain(
						terminal.frame(
							<Panel title="Samples" width={width + 4} height={height + 2}>
								<SamplesPanel samples={snapshot.panels.samples!} start={0} followed={0} height={height} width={width} />
							</Panel>,
						),
					);
					const inside = panelLines(frame, 'Samples');
					const where = `${width} columns, ${height} rows:\n${frame}`;
					expect(inside, where).toHaveLength(height);
					expect(inside[0], where).toMatch(/^#1 /);
					const footer = inside.join(' ').match(new RegExp(`samples 1–(\\d+) of ${snapshot.panels.samples!.total}`));
					expect(footer, where).not.toBeNull();
					expect(inside.join('\n'), where).toContain(`#${footer![1]} `);
					expect(inside.join('\n'), where).not.toMatch(CUT_NUMBER);
				}
			}
		} finally {
			terminal.close();
		}
	});
});

describe('KeysLine', () => {
	test('at every width from 80 it ends with ? help · q quit and fits', () => {
		for (let width = 80; width <= 200; width += 8) {
			const line = plain(frameAt(<KeysLine width={width} message={undefined} />, width));
			expect(line).toMatch(/^space run\/pause · .* · \? help · q quit$/);
			expect(line.length).toBeLessThanOrEqual(width);
		}
	});

	test('a message takes its place, on one line: whole words, never a number cut', () => {
		expect(plain(frameAt(<KeysLine width={80} message="wrote checkpoint descent-0-1.json at iteration 1" />))).toBe(
			'wrote checkpoint descent-0-1.json at iteration 1',
		);
		const long = 'phase 7 of 7, the update: change = −lr · gradient; w = w + change: iteration 12,345 is done and 0.123456 more words';
		for (const width of [80, 60, 40]) {
			const line = plain(frameAt(<KeysLine width={width} message={long} />));
			expect(linesOf(line)).toHaveLength(1);
			expect(line.length).toBeLessThanOrEqual(width);
			expect(line).toMatch(/ …$/);
			expect(long.startsWith(line.slice(0, -2))).toBe(true);
			expect(line).not.toMatch(CUT_NUMBER);
		}
	});
});
