import {Box, Text} from 'ink';
import type {Diagram, WeightRow} from '../../core/snapshot.js';
import {formatNumber} from '../../session/format.js';
import {drawDiagram, isDrawable, summariseLayers, weightGlyph, type Selected} from '../diagram.js';
import {wrapText} from '../text.js';
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
	const caption = selected ? `${selected.name} = ${formatNumber(selected.value, 6)} (${selected.from} → ${selected.to})` : '';
	if (!isDrawable(diagram)) {
		const lines = ['over 12 neurons in a layer: per layer instead of drawn', ...summariseLayers(diagram), caption].flatMap(line => wrapText(line, width));
		return (
			<Box flexDirection="column">
				{lines.slice(0, height).map((line, k) => (
					<Text key={k} dimColor={k === 0}>
						{line}
					</Text>
				))}
			</Box>
		);
	}

	const mark: Selected | undefined = selected && {layer: selected.layer, from: selected.col, to: selected.row};
	const lines = drawDiagram(diagram, mark, colour);
	const legend = [weightGlyph(1, 1, colour), {text: ' +  '}, weightGlyph(-1, 1, colour), {text: ' −  a glyph per weight into each neuron, taller = larger'}];
	// when the panel is short, keep every neuron line and drop the spacing lines between them
	const compact = lines.length + 2 > height ? lines.filter((_, y) => y % 2 === (lines.length % 2 === 1 ? 0 : 1) || y === 0) : lines;
	return (
		<Box flexDirection="column">
			{compact.slice(0, Math.max(1, height - 2)).map((line, y) => (
				<Line key={y} segments={line} />
			))}
			<Text color="yellow">{caption}</Text>
			{height > compact.length + 1 ? <Line segments={legend} /> : null}
		</Box>
	);
}
