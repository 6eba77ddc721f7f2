import {Box, Text} from 'ink';
import type {ReactNode} from 'react';

type PanelProps = {
	readonly title: string;
	/** Shown dimmed after the title, e.g. the keys that act on the panel. */
	readonly hint?: string;
	readonly width: number;
	readonly height: number;
	readonly children: ReactNode;
};

/** Lines a panel's frame takes: the top border carries the title, and the bottom border. */
export const PANEL_CHROME = 2;

/** A rounded box of a fixed size, its title set in the top border to save a line. */
export function Panel({title, hint, width, height, children}: PanelProps) {
	const label = ` ${title}${hint ? ` ${hint}` : ''} `;
	const room = Math.max(0, width - 3);
	const shownTitle = label.length > room ? `${label.slice(0, Math.max(0, room - 1))}…` : label;
	const titleLength = Math.min(shownTitle.length, title.length + 1);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text color="gray" wrap="truncate-end">
				╭─
				<Text bold color="white">
					{shownTitle.slice(0, titleLength)}
				</Text>
				<Text dimColor>{shownTitle.slice(titleLength)}</Text>
				{'─'.repeat(Math.max(0, width - 3 - shownTitle.length))}╮
			</Text>
			<Box flexDirection="column" borderStyle="round" borderTop={false} borderColor="gray" paddingX={1} flexGrow={1} overflow="hidden">
				{children}
			</Box>
		</Box>
	);
}
