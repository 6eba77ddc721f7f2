import {Box, Text} from 'ink';
import type {DigitsData} from '../../session/views/digits.js';
import {blockGlyph, grey, halfBlocks, probabilityLines, probabilityParts, verdictLine, type HalfBlock} from '../digits.js';
import {Line} from './Line.js';

export type DigitsPanelProps = {
	readonly data: DigitsData;
	readonly colour: boolean;
	readonly width: number;
	readonly height: number;
};

/** Room beside the picture for the bars of the outputs: at least, and at most. */
const BARS_WIDTH = 18;
const BARS_MAX = 40;

/** The followed sample drawn in half blocks, what the network says it is, and its outputs. */
export function DigitsPanel({data, colour, width, height}: DigitsPanelProps) {
	const beside = width >= data.width + 2 + BARS_WIDTH && height >= Math.min(data.outputs.length, 8) + 1;
	const pictureLines = Math.max(1, height - (beside ? 1 : 2));
	const blocks = halfBlocks(data, pictureLines, beside ? width - BARS_WIDTH - 2 : width);
	const bars = beside ? probabilityLines(data, Math.min(BARS_MAX, width - blocks[0]!.length - 2), height - 1) : [];
	return (
		<Box flexDirection="column">
			<Line segments={verdictLine(data, width, colour)} />
			<Box flexDirection="row">
				<Box flexDirection="column" marginRight={beside ? 2 : 0}>
					{blocks.map((line, k) => (
						<Picture key={k} line={line} colour={colour} />
					))}
				</Box>
				{beside ? (
					<Box flexDirection="column">
						{bars.map((segments, k) => (
							<Line key={k} segments={segments} />
						))}
					</Box>
				) : null}
			</Box>
			{beside ? null : <Line segments={probabilityParts(data, width)} />}
		</Box>
	);
}

/** A line of the picture: with colour, each character's upper half in its top pixel's grey and its lower half in the bottom one's. */
function Picture({line, colour}: {readonly line: readonly HalfBlock[]; readonly colour: boolean}) {
	if (!colour) {
		return <Text>{line.map(block => blockGlyph(block)).join('')}</Text>;
	}

	return (
		<Text>
			{line.map((block, k) => (
				<Text key={k} color={grey(block.top)} backgroundColor={grey(block.bottom)}>
					▀
				</Text>
			))}
		</Text>
	);
}
