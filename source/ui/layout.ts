/** Below this the dashboard asks for a larger window instead of drawing broken output. */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** Lines a panel's frame takes: the top border carries the title, and the bottom border. */
export const PANEL_CHROME = 2;
/** From this size the map shows beside the other panels; below it, `m` puts it in the chart's place. */
export const ROOMY = {columns: 120, rows: 36} as const;

export type LayoutInput = {
	readonly columns: number;
	readonly rows: number;
	/** Width the weights table's columns need. */
	readonly weightsWidth: number;
	/** Lines the chain panel would like. */
	readonly chainLines: number;
	/** Lines the samples panel would like. */
	readonly sampleLines: number;
	/** Width and lines the network diagram would like. */
	readonly diagram: {readonly width: number; readonly lines: number};
	readonly diagramChoice: 'auto' | 'on' | 'off';
	/** Whether the data has a plane to map, and whether the user wants the map. */
	readonly mapAvailable: boolean;
	readonly mapChoice: 'auto' | 'on' | 'off';
	/** Lines under the status for the phase being walked. */
	readonly phaseLines: number;
};

export type Box = {readonly width: number; readonly height: number};

export type Layout =
	| {readonly tooSmall: true}
	| {
			readonly tooSmall: false;
			readonly weights: Box;
			readonly chain: Box;
			/** Zero-sized when the map takes its place (small windows). */
			readonly chart: Box;
			/** Zero-sized when not shown. */
			readonly map: Box;
			/** Beside the samples and the diagram (roomy windows), or in the chart's place. */
			readonly mapPlace: 'bottom' | 'top' | undefined;
			readonly samples: Box;
			readonly diagram: Box;
			/** How samples and diagram share the space under the chart. */
			readonly arrangement: 'row' | 'column';
	  };

const NONE: Box = {width: 0, height: 0};
const MIN_SAMPLES_WIDTH = 34;
const MIN_MAP_WIDTH = 30;

/**
 * Two columns: weights over chain on the left, sized to their content; the chart (or the
 * map) over the samples, the diagram and, in a roomy window, the map on the right.
 */
export function computeLayout(input: LayoutInput): Layout {
	const {columns, rows} = input;
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return {tooSmall: true};
	}

	// status (2 lines), the phase walk's lines, keys (1), and one spare line: a frame as tall as the
	// screen makes Ink clear it on every frame
	const panels = rows - 4 - input.phaseLines;
	const maxBottom = Math.floor(panels / 2);
	const left = Math.min(input.weightsWidth + 4, Math.floor(columns * 0.62));
	const right = columns - left;
	const roomy = columns >= ROOMY.columns && rows >= ROOMY.rows;
	const mapWanted = input.mapAvailable && (input.mapChoice === 'on' || (input.mapChoice === 'auto' && roomy));
	const mapBeside = mapWanted && roomy;

	const samplesHeight = input.sampleLines + PANEL_CHROME;
	const diagramHeight = input.diagram.lines + 1 + PANEL_CHROME;
	// the map beside the rest is square: a character is about twice as tall as wide, and holds two pixels
	const squareMap = mapBeside ? Math.min(Math.floor(right / 2), 2 * (maxBottom - PANEL_CHROME) + 4) : 0;
	// a diagram asked for with d gets the width it needs where it can: the map beside it gives way, down to MIN_MAP_WIDTH
	const mapWidth =
		input.diagramChoice === 'on' && squareMap > MIN_MAP_WIDTH ? Math.max(MIN_MAP_WIDTH, Math.min(squareMap, right - input.diagram.width - 4)) : squareMap;
	const rest = right - mapWidth;
	const diagramWidth = Math.min(rest, input.diagram.width + 4);
	const sideBySide = rest >= diagramWidth + MIN_SAMPLES_WIDTH;
	const stacked = samplesHeight + diagramHeight <= maxBottom;
	const fits = sideBySide || stacked;
	const showDiagram = input.diagramChoice === 'on' || (input.diagramChoice === 'auto' && fits);
	const showSamples = !showDiagram || fits;
	const arrangement = sideBySide || !showSamples ? 'row' : 'column';
	const both = arrangement === 'row' ? Math.max(samplesHeight, diagramHeight) : samplesHeight + diagramHeight;
	const wanted = showSamples && showDiagram ? both : showDiagram ? diagramHeight : samplesHeight;
	const bottom = Math.max(7, Math.min(maxBottom, Math.max(input.chainLines + PANEL_CHROME, wanted, mapBeside ? maxBottom : 0)));
	const top = panels - bottom;
	let samples: Box = showSamples ? {width: rest, height: bottom} : NONE;
	let diagram: Box = showDiagram ? {width: rest, height: bottom} : NONE;
	if (showSamples && showDiagram) {
		[samples, diagram] =
			arrangement === 'row'
				? [
						{width: rest - diagramWidth, height: bottom},
						{width: diagramWidth, height: bottom},
					]
				: [
						{width: rest, height: samplesHeight},
						{width: rest, height: bottom - samplesHeight},
					];
	}

	return {
		tooSmall: false,
		weights: {width: left, height: top},
		chain: {width: left, height: bottom},
		chart: mapWanted && !mapBeside ? NONE : {width: right, height: top},
		map: mapBeside ? {width: mapWidth, height: bottom} : mapWanted ? {width: right, height: top} : NONE,
		mapPlace: mapBeside ? 'bottom' : mapWanted ? 'top' : undefined,
		samples,
		diagram,
		arrangement,
	};
}
