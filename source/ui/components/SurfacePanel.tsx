import {Box, Text} from 'ink';
import type {SurfaceData} from '../../session/views/surface.js';
import {drawSurface, surfaceFooter, type SurfaceStyle} from '../surface.js';

export type SurfacePanelProps = {
	/** Undefined while the first surface of these axes is computed. */
	readonly surface: SurfaceData | undefined;
	readonly style: SurfaceStyle;
	readonly width: number;
	readonly height: number;
};

/** Lines under the surface: the extent, the scale, the marks, the error's words and how fresh it is; the rest draws the surface. */
export const SURFACE_FOOTER_LINES = 7;

/** The error over the plane of two weights, the path the weights took on it, the current point and the way down. */
export function SurfacePanel({surface, style, width, height}: SurfacePanelProps) {
	if (!surface) {
		return <Text dimColor>computing the error surface…</Text>;
	}

	const lines = Math.max(2, height - SURFACE_FOOTER_LINES);
	const footer = surfaceFooter(surface, width, style, {columns: width, rows: style.colour ? 2 * lines : lines});
	const drawn = drawSurface(surface, width, Math.max(2, height - footer.length), style);
	return (
		<Box flexDirection="column">
			<Text>{drawn.join('\n')}</Text>
			{footer.map(line => (
				<Text key={line} dimColor>
					{line}
				</Text>
			))}
		</Box>
	);
}

/** The pixels the panel draws at this size: what it asks the session for. */
export function surfacePixels(width: number, height: number, colour: boolean): {columns: number; rows: number} {
	const lines = Math.max(2, height - SURFACE_FOOTER_LINES);
	return {columns: Math.max(2, width), rows: colour ? 2 * lines : lines};
}
