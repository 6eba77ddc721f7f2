import {Box} from 'ink';
import type {ConfusionData} from '../../session/views/confusion.js';
import {confusionLines} from '../confusion.js';
import {Line} from './Line.js';

export type ConfusionPanelProps = {
	readonly data: ConfusionData;
	readonly colour: boolean;
	readonly width: number;
	readonly height: number;
};

/** Counts of samples by true class (rows) and predicted class (columns), the diagonal marked. */
export function ConfusionPanel({data, colour, width, height}: ConfusionPanelProps) {
	const lines = confusionLines(data, width, height, colour).slice(0, height);
	return (
		<Box flexDirection="column">
			{lines.map((segments, k) => (
				<Line key={k} segments={segments} />
			))}
		</Box>
	);
}
