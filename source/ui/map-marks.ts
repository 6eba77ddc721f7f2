import type {MapData, MapPoint} from '../session/views/map.js';

/**
 * Where the map's samples are marked. One mark a cell at most; where the samples crowd (more
 * marked cells than a quarter of the map) they are gathered in blocks of cells, about square
 * on the screen (2, 3, 4 … columns by half as many lines), grown until a quarter of the cells at most is marked,
 * so the network's colours stay visible in three cells of four. A block's mark is its
 * samples' most common class (a tie is `mixed`), or their mean target for regression, drawn
 * in the block's cell that holds most of them.
 */

/** What a mark stands for: a class (or target value), held out when all its samples are, or a tie of classes. */
export type Mark = {readonly value: number; readonly test: boolean; readonly mixed: boolean};

export type Marks = {
	/** By cell, `${line},${column}`. */
	readonly cells: ReadonlyMap<string, Mark>;
	/** The samples that fall on the map, and the marks drawn for them. */
	readonly samples: number;
	readonly marks: number;
	/** Marks of a tie of classes. */
	readonly ties: number;
	/** The block a mark stands for, in cells: 1 × 1 where the samples do not crowd. */
	readonly block: {readonly columns: number; readonly lines: number};
};

/** At most this share of the map's cells carries a mark. */
export const MARKED_SHARE = 1 / 4;

type Placed = {readonly point: MapPoint; readonly column: number; readonly line: number};

/** Where on a grid of `columns` × `lines` cells a point falls; undefined outside. */
export function cellOf(point: MapPoint, map: Pick<MapData, 'x1' | 'x2' | 'range'>, columns: number, lines: number): {column: number; line: number} | undefined {
	const x2 = map.x2 ?? map.range;
	const column = Math.floor(((point.x1 - map.x1[0]) / (map.x1[1] - map.x1[0])) * columns);
	const line = Math.floor(((x2[1] - point.x2) / (x2[1] - x2[0])) * lines);
	return column >= 0 && column < columns && line >= 0 && line < lines ? {column, line} : undefined;
}

function blocksOf(placed: readonly Placed[], columns: number, lines: number): Map<string, Placed[]> {
	const blocks = new Map<string, Placed[]>();
	for (const item of placed) {
		const key = `${Math.floor(item.line / lines)},${Math.floor(item.column / columns)}`;
		blocks.set(key, [...(blocks.get(key) ?? []), item]);
	}

	return blocks;
}

/** A block's mark: its most common class (a tie: mixed), or its mean target; in the cell holding most of the samples it stands for. */
function markOf(block: readonly Placed[], classes: boolean): {mark: Mark; cell: string} {
	const count = (items: readonly Placed[], key: (item: Placed) => string | number) => {
		const counts = new Map<string | number, number>();
		for (const item of items) {
			counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
		}

		return [...counts.entries()].sort((a, b) => b[1] - a[1]);
	};

	const kinds = classes ? count(block, item => Math.round(item.point.value)) : [];
	const mixed = kinds.length > 1 && kinds[0]![1] === kinds[1]![1];
	const winners = classes && !mixed ? block.filter(item => Math.round(item.point.value) === kinds[0]![0]) : block;
	const value = classes ? (mixed ? Number.NaN : Number(kinds[0]![0])) : winners.reduce((sum, item) => sum + item.point.value, 0) / winners.length;
	const cell = String(count(winners, item => `${item.line},${item.column}`)[0]![0]);
	return {mark: {value, test: winners.every(item => item.point.test), mixed}, cell};
}

/** The marks of the samples on a map of `columns` × `lines` cells. */
export function marksOf(points: readonly MapPoint[], map: Pick<MapData, 'x1' | 'x2' | 'range' | 'pointClasses'>, columns: number, lines: number): Marks {
	const placed: Placed[] = [];
	for (const point of points) {
		const cell = cellOf(point, map, columns, lines);
		if (cell) {
			placed.push({point, ...cell});
		}
	}

	const limit = Math.max(1, Math.floor(columns * lines * MARKED_SHARE));
	let block = {columns: 1, lines: 1};
	let blocks = blocksOf(placed, 1, 1);
	for (let width = 2; blocks.size > limit && width <= columns; width++) {
		block = {columns: width, lines: Math.max(1, Math.round(width / 2))};
		blocks = blocksOf(placed, block.columns, block.lines);
	}

	const cells = new Map<string, Mark>();
	for (const items of blocks.values()) {
		const {mark, cell} = markOf(items, map.pointClasses);
		cells.set(cell, mark);
	}

	const ties = [...cells.values()].filter(mark => mark.mixed).length;
	return {cells, samples: placed.length, marks: cells.size, ties, block};
}

/** The legend's line for crowded samples: how many marks stand for how many samples, and what a mark then is; nothing where each sample has its own. */
export function crowdingLine(marks: Pick<Marks, 'samples' | 'marks' | 'ties' | 'block'>, classes: boolean): string | undefined {
	if (marks.marks === marks.samples) {
		return undefined;
	}

	const each = marks.block.columns * marks.block.lines > 1 ? `${marks.block.columns}×${marks.block.lines} cells` : 'a cell';
	return `${marks.samples} samples, ${marks.marks} marks: ${classes ? `majority of ${each}` : `mean of ${each}`}${marks.ties > 0 ? ' (◐ tie)' : ''}`;
}
