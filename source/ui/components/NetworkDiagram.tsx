import {Box, Text} from 'ink';
import {drawDiagram, isDrawable, summariseLayers, type DiagramInput} from '../diagram.js';
import {fit, formatNumber} from '../format.js';

export type NetworkDiagramProps = DiagramInput & {
	/** The selected weight's name and value, written under the drawing. */
	readonly caption: {readonly name: string; readonly from: string; readonly to: string; readonly value: number};
	readonly width: number;
	readonly height: number;
};

/** The network as the tutorial's figure: neurons with their activations, the selected connection highlighted. */
export function NetworkDiagram({caption, width, height, ...input}: NetworkDiagramProps) {
	const captionText = fit(`${caption.name} = ${formatNumber(caption.value, 6)} (${caption.from} → ${caption.to})`, width);
	if (!isDrawable(input.layers)) {
		return (
			<Box flexDirection="column">
				<Text dimColor>too wide to draw legibly (over 12 neurons in a layer); per layer:</Text>
				{summariseLayers(input.layers, input.activations)
					.slice(0, Math.max(0, height - 2))
					.map(line => (
						<Text key={line} wrap="truncate-end">
							{line}
						</Text>
					))}
				<Text color="yellow">{captionText}</Text>
			</Box>
		);
	}

	const lines = drawDiagram(input);
	// when the panel is short, keep every neuron line and drop the spacing lines between them
	const compact = lines.length + 1 > height ? lines.filter((_, y) => y % 2 === (lines.length % 2 === 1 ? 0 : 1) || y === 0) : lines;
	return (
		<Box flexDirection="column">
			{compact.slice(0, Math.max(1, height - 1)).map((line, y) => (
				<Text key={y} wrap="truncate-end">
					{line.some(segment => segment.highlight)
						? line.map((segment, k) =>
								segment.highlight ? (
									<Text key={k} bold color="yellow">
										{segment.text}
									</Text>
								) : (
									segment.text
								),
							)
						: line.map(segment => segment.text).join('')}
				</Text>
			))}
			<Text color="yellow">{captionText}</Text>
		</Box>
	);
}
