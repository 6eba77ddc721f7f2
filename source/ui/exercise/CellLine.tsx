import {Text} from 'ink';
import type {Cell} from './network-lines.js';

/** One line of cells, two spaces apart; the number asked now stands out. */
export function CellLine({cells}: {readonly cells: readonly Cell[]}) {
	return (
		<Text>
			{cells.map((cell, k) => (
				<Text key={k}>
					{k > 0 ? '  ' : ''}
					{cell.prefix && <Text dimColor>{cell.prefix}</Text>}
					<Text dimColor={cell.dim ?? false} inverse={cell.current ?? false} color={cell.current ? 'yellow' : undefined}>
						{cell.text}
					</Text>
				</Text>
			))}
		</Text>
	);
}
