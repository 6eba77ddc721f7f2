/** A gap of this many columns between two neurons' maps. */
export const THUMBNAIL_GAP = 2;

/** How a layer's maps are laid out: each `side` pixels square (side columns, side / 2 lines, under a line for its name), `perRow` a row. */
export type ThumbnailFit = {readonly side: number; readonly perRow: number; readonly rows: number};

/**
 * The largest maps (an even number of pixels a side, 4 to 24) that let all `count` neurons of a layer fit in
 * `width` × `lines`; where even the smallest do not, the smallest (the panel then says how many are not shown).
 */
export function thumbnailFit(count: number, width: number, lines: number): ThumbnailFit {
	const fitOf = (side: number): ThumbnailFit => {
		const perRow = Math.max(1, Math.floor((width + THUMBNAIL_GAP) / (side + THUMBNAIL_GAP)));
		return {side, perRow, rows: Math.ceil(count / perRow)};
	};

	for (let side = 24; side > 4; side -= 2) {
		const fit = fitOf(side);
		if (fit.rows * (side / 2 + 1) <= lines) {
			return fit;
		}
	}

	return fitOf(4);
}
