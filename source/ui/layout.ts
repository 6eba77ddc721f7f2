import {PANEL_CHROME as CHROME} from './components/Panel.js';

/** Below this the dashboard asks for a larger window instead of drawing broken output. */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export type LayoutInput = {
	readonly columns: number;
	readonly rows: number;
	/** Width the weights table's columns need. */
	readonly weightsContent: number;
	/** Lines the chain panel would like. */
	readonly chainLines: number;
	readonly sampleCount: number;
	/** Width and lines the network diagram would like. */
	readonly diagramContent: {readonly width: number; readonly lines: number};
	/** 'auto' shows the diagram where it fits beside or under the samples; `d` chooses. */
	readonly diagram: 'auto' | 'on' | 'off';
};

export type Box = {readonly width: number; readonly height: number};

export type Layout =
	| {readonly tooSmall: true}
	| {
			readonly tooSmall: false;
			readonly weights: Box;
			readonly chain: Box;
			readonly chart: Box;
			/** Zero-sized when the diagram takes its place. */
			readonly samples: Box;
			/** Zero-sized when hidden. */
			readonly diagram: Box;
			/** How samples and diagram share the space under the chart. */
			readonly arrangement: 'row' | 'column';
	  };


const MIN_SAMPLES_WIDTH = 40;
const NONE: Box = {width: 0, height: 0};

/**
 * Two columns: weights over chain on the left, sized to their content; the chart over the
 * samples and the diagram on the right, the chart taking what is left.
 */
export function computeLayout(input: LayoutInput): Layout {
	const {columns, rows} = input;
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return {tooSmall: true};
	}

	// status (2 lines) and keys (1) around the panels, and one spare line: a frame as tall
	// as the screen makes Ink clear it on every frame
	const panels = rows - 4;
	const maxBottom = Math.floor(panels / 2);
	const left = Math.min(input.weightsContent + 4, Math.floor(columns * 0.65));
	const right = columns - left;
	// one sample is a list of four lines; several are a line each, at most 8 before scrolling
	const sampleLines = input.sampleCount === 1 ? 4 : Math.min(input.sampleCount, 8) + (input.sampleCount > 8 ? 1 : 0);
	const samplesHeight = sampleLines + CHROME;
	const diagramHeight = input.diagramContent.lines + 1 + CHROME;
	const diagramWidth = Math.min(right, input.diagramContent.width + 4);
	const sideBySide = right >= diagramWidth + MIN_SAMPLES_WIDTH;
	const stacked = samplesHeight + diagramHeight <= maxBottom;
	const fitsBoth = sideBySide || stacked;
	const showDiagram = input.diagram === 'on' || (input.diagram === 'auto' && fitsBoth);
	const showSamples = !showDiagram || fitsBoth;
	const arrangement = sideBySide || !showSamples ? 'row' : 'column';

	let wanted = input.chainLines + CHROME;
	if (showDiagram && showSamples) {
		wanted = Math.max(wanted, arrangement === 'row' ? Math.max(samplesHeight, diagramHeight) : samplesHeight + diagramHeight);
	} else {
		wanted = Math.max(wanted, showDiagram ? diagramHeight : samplesHeight);
	}

	const bottom = Math.max(7, Math.min(wanted, maxBottom));
	const top = panels - bottom;
	let samples: Box = showSamples ? {width: right, height: bottom} : NONE;
	let diagram: Box = showDiagram ? {width: right, height: bottom} : NONE;
	if (showSamples && showDiagram) {
		if (arrangement === 'row') {
			samples = {width: right - diagramWidth, height: bottom};
			diagram = {width: diagramWidth, height: bottom};
		} else {
			samples = {width: right, height: samplesHeight};
			diagram = {width: right, height: bottom - samplesHeight};
		}
	}

	return {
		tooSmall: false,
		weights: {width: left, height: top},
		chain: {width: left, height: bottom},
		chart: {width: right, height: top},
		samples,
		diagram,
		arrangement,
	};
}
