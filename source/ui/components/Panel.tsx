import {Box, Text} from 'ink';
import type {ReactNode} from 'react';

type PanelProps = {
	readonly title: string;
	/** More of the title, left out whole where it does not fit: `(x1 → h1)`. */
	readonly detail?: string | undefined;
	/** Shown dimmed after the title where it fits whole (the keys that act on the panel). */
	readonly hint?: string;
	readonly width: number;
	readonly height: number;
	readonly children: ReactNode;
};

/** A rounded box of a fixed size, its title set in the top border to save a line. */
export function Panel({title, detail, hint, width, height, children}: PanelProps) {
	// the border line is `╭─ title hint ─…╮`: five columns besides the title and the hint
	const room = Math.max(0, width - 5);
	const full = detail ? `${title} ${detail}` : title;
	const shownTitle = full.length <= room ? full : title.length <= room ? title : title.slice(0, room);
	const shownHint = hint && shownTitle.length + 1 + hint.length <= room ? ` ${hint}` : '';
	const used = shownTitle.length + shownHint.length + 2;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text color="gray" wrap="truncate-end">
				╭─{' '}
				<Text bold color="white">
					{shownTitle}
				</Text>
				<Text dimColor>{shownHint}</Text> {'─'.repeat(Math.max(0, width - 3 - used))}╮
			</Text>
			<Box flexDirection="column" borderStyle="round" borderTop={false} borderColor="gray" paddingX={1} flexGrow={1} overflowY="hidden">
				{children}
			</Box>
		</Box>
	);
}
