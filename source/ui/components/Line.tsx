import {Text} from 'ink';
import type {Segment} from '../text.js';

/** One line of styled segments; the caller has made it fit. */
export function Line({segments}: {readonly segments: readonly Segment[]}) {
	return (
		<Text wrap="truncate-end">
			{segments.map((segment, k) =>
				segment.bold || segment.dim || segment.color || segment.inverse ? (
					<Text key={k} bold={segment.bold} dimColor={segment.dim} color={segment.color} inverse={segment.inverse}>
						{segment.text}
					</Text>
				) : (
					segment.text
				),
			)}
		</Text>
	);
}
