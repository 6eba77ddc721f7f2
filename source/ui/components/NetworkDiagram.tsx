import {Box, Text} from 'ink';
import type {Diagram} from '../../session/views/diagram.js';
import type {WeightRow} from '../../session/views/weights.js';
import {formatWeight} from '../../session/format.js';
import {drawDiagram, isDrawable, neuronLines, summariseLayers, weightGlyph, type Selected} from '../diagram.js';
import {textOf, wrapText} from '../text.js';
import {Line} from './Line.js';

export type NetworkDiagramProps = {
	readonly diagram: Diagram;
	/** The selected weight, for its caption and highlighted connection. */
	readonly selected: WeightRow | undefined;
	readonly colour: boolean;
	readonly width: number;
	readonly height: number;
};

/** The network as the tutorial's figure: neurons with their activations, every connection in a strip before its neuron, the selected one drawn. */
export function NetworkDiagram({diagram, selected, colour, width, height}: NetworkDiagramProps) {
	const caption = selected ? `${selected.name} = ${formatWeight(selected.value)} (${selected.from} → ${selected.to})` : '';
	const mark: Selected | undefined = selected && {layer: selected.layer, from: selected.col, to: selected.row};
	const lines = isDrawable(diagram) ? drawDiagram(diagram, mark, colour) : [];
	// when the panel is short, keep every neuron's line and drop the spacing lines between them
	const kept = neuronLines(diagram.layers);
	const compact = lines.length + 2 > height ? lines.filter((_, y) => kept.has(y)) : lines;
	// a drawing that does not fit is not cut (its numbers with it): the layers are summarised instead
	const fits = compact.length + wrapText(caption, width).length <= height && lines.every(line => textOf(line).length <= width);
	if (!isDrawable(diagram) || !fits) {
		const why = isDrawable(diagram)
			? 'too large for this panel (a larger window draws it): per layer'
			: 'over 12 neurons in a layer: per layer instead of drawn';
		const lines = wholeLines([why, ...summariseLayers(diagram), caption], width, height);
		return (
			<Box flexDirection="column">
				{lines.map((line, k) => (
					<Text key={k} dimColor={k === 0}>
						{line}
					</Text>
				))}
			</Box>
		);
	}

	const legend = [weightGlyph(1, 1, colour), {text: ' + '}, weightGlyph(-1, 1, colour), {text: ' − : a glyph per weight into a neuron'}];
	return (
		<Box flexDirection="column">
			{compact.map((line, y) => (
				<Line key={y} segments={line} />
			))}
			<Text color="yellow">{caption}</Text>
			{height > compact.length + 1 ? <Line segments={legend} /> : null}
		</Box>
	);
}

/** Each entry wrapped to the width, as many whole entries as the height holds: an entry is never cut, the last line says how many are left out. */
export function wholeLines(entries: readonly string[], width: number, height: number): string[] {
	const lines: string[] = [];
	for (const [k, entry] of entries.entries()) {
		const wrapped = wrapText(entry, width);
		const left = entries.length - k - 1;
		// room for this entry, and for the line that says what is left out if others follow
		if (lines.length + wrapped.length + (left > 0 ? 1 : 0) > height && !(left === 0 && lines.length + wrapped.length <= height)) {
			return [...lines, ...wrapText(`… ${entries.length - k} more not shown`, width)].slice(0, Math.max(lines.length + 1, height));
		}

		lines.push(...wrapped);
	}

	return lines;
}
