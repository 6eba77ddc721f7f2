import {Box, Text} from 'ink';
import type {SurfaceData} from '../../session/views/surface.js';
import {drawSurface, surfaceFooter, type LanePaths, type SurfaceStyle} from '../surface.js';

export type SurfacePanelProps = {
	/** Undefined while the first surface of these axes is computed. */
	readonly surface: SurfaceData | undefined;
	readonly style: SurfaceStyle;
	/** In a race, the other lanes' paths. */
	readonly lanes?: LanePaths;
	readonly width: number;
	readonly height: number;
};

/** Lines under the surface at most: the extent, the scale, the marks, the error's words and how fresh it is. */
export const SURFACE_FOOTER_LINES = 7;

/** Lines the footer may take in a panel this tall: the surface keeps at least half, and 3 lines. */
const footerRoom = (height: number) => Math.max(0, height - Math.max(3, Math.ceil(height / 2)));

/** The error over the plane of two weights, the path the weights took on it, the current point and the way down. */
export function SurfacePanel({surface, style, lanes = [], width, height}: SurfacePanelProps) {
	if (!surface) {
		return <Text dimColor>computing the error surface…</Text>;
	}

	const pixels = surfacePixels(width, height, style.colour);
	const footer = surfaceFooter(surface, width, style, pixels, footerRoom(height), lanes);
	const drawn = drawSurface(surface, width, Math.max(1, height - footer.length), style, lanes);
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
	const lines = Math.max(1, height - Math.min(SURFACE_FOOTER_LINES, footerRoom(height)));
	return {columns: Math.max(2, width), rows: Math.max(2, colour ? 2 * lines : lines)};
}
