/** Below this the dashboard asks for a larger window instead of drawing broken output. */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** Lines a panel's frame takes: the top border carries the title, and the bottom border. */
export const PANEL_CHROME = 2;
/** From this size a side panel (the map) shows beside the other panels; below it, its key puts it in the top panel's place. */
export const ROOMY = {columns: 120, rows: 36} as const;

/**
 * Where a panel goes: `left` panels stack in the left column (the first over the rest), `top`
 * heads the right column, `bottom` panels share the space under it (the first flexible, the
 * others as wide as they ask), and one `side` panel shows beside them in a roomy window, or in
 * a small one in the right column's whole place (in the top panel's when a bottom panel's key asked for it). A `band` spans the screen over both columns (a lesson's text).
 */
export type Room = 'left' | 'top' | 'bottom' | 'side' | 'band';

/** `auto`: where it fits (a side panel: in a roomy window); `on`, `off`: as its key chose; `always`: a panel without a key. */
export type Choice = 'auto' | 'on' | 'off' | 'always';

/** What a panel asks of the layout: its room, the width and lines its content would like, whether it is wanted. */
export type Want<Id extends string = string> = {
	readonly id: Id;
	readonly room: Room;
	readonly width: number;
	readonly lines: number;
	/** The fewest lines its content can be drawn whole in (default `lines`): a fixed bottom panel is shown whole or not at all. */
	readonly minLines?: number;
	readonly choice: Choice;
};

export type LayoutInput<Id extends string = string> = {
	readonly columns: number;
	readonly rows: number;
	/** Lines under the status for the phase being walked. */
	readonly phaseLines: number;
	/** The panels available to this run, in the registry's order. */
	readonly wants: ReadonlyArray<Want<Id>>;
};

export type Box = {readonly width: number; readonly height: number};

export type Layout<Id extends string = string> =
	| {readonly tooSmall: true}
	| {
			readonly tooSmall: false;
			/** Each panel shown, its box; panels not shown have none. */
			readonly boxes: Partial<Record<Id, Box>>;
			readonly left: Box;
			readonly right: Box;
			/** The side panel's place: beside the bottom panels (roomy windows), in the top panel's, the right column whole (small windows), or a column of its own right of the others (a small window whose left column a lesson hid). */
			readonly sidePlace: 'bottom' | 'top' | 'right' | 'column' | undefined;
			/** How the bottom panels share the space under the top one. */
			readonly arrangement: 'row' | 'column';
			/** A panel its key asked for that cannot be drawn whole here, and the size it needs. */
			readonly refused: {readonly id: Id; readonly columns: number; readonly lines: number} | undefined;
	  };

const MIN_FLEXIBLE_WIDTH = 34;
const MIN_SIDE_WIDTH = 30;

/** What the rooms hold: the panels wanted in each, the side panel chosen. */
function roomsOf<Id extends string>(wants: ReadonlyArray<Want<Id>>, roomy: boolean) {
	const inRoom = (room: Room) => wants.filter(want => want.room === room && want.choice !== 'off');
	const [leftTop, leftBottom] = inRoom('left');
	const [top] = inRoom('top');
	// the bottom room's fixed panel asks for a width (drawn whole or not at all), the flexible one takes what is left
	const bottoms = inRoom('bottom');
	const fixed = bottoms.find(want => want.width > 0);
	const flexible = bottoms.find(want => want !== fixed);
	const sides = inRoom('side');
	const side = sides.find(want => want.choice === 'on') ?? (roomy ? sides.find(want => want.choice === 'auto') : undefined);
	const [band] = inRoom('band');
	const asked = wants.some(want => want.room === 'bottom' && want.choice === 'on');
	return {leftTop, leftBottom, top, flexible, fixed, side, band, asked};
}

/**
 * The bottom room under the top panel: the flexible panel and the fixed one side by side where
 * both fit, else stacked where both fit, else the one asked for; the side panel beside them.
 */
function bottomOf<Id extends string>(rooms: ReturnType<typeof roomsOf<Id>>, right: number, maxBottom: number, sideBeside: boolean) {
	const {flexible, fixed, leftBottom} = rooms;
	const flexibleHeight = (flexible?.lines ?? 0) + PANEL_CHROME;
	const fixedHeight = (fixed?.lines ?? 0) + 1 + PANEL_CHROME;
	// the side panel beside the rest is square: a character is about twice as tall as wide, and holds two pixels
	const square = sideBeside ? Math.min(Math.floor(right / 2), 2 * (maxBottom - PANEL_CHROME) + 4) : 0;
	// a fixed panel asked for with its key gets the width it needs where it can: the side panel gives way, down to MIN_SIDE_WIDTH
	// and where even that is too narrow for it, the side panel makes room for it
	const giving = fixed?.choice === 'on' && square > MIN_SIDE_WIDTH ? Math.max(MIN_SIDE_WIDTH, Math.min(square, right - fixed.width - 4)) : square;
	const sideWidth = fixed?.choice === 'on' && right - giving < fixed.width + 4 && right >= fixed.width + 4 ? 0 : giving;
	const rest = right - sideWidth;
	// a fixed panel is drawn whole or not at all: as wide as it asks, and at least its fewest lines tall
	const fixedWidth = (fixed?.width ?? 0) + 4;
	const wide = fixed !== undefined && rest >= fixedWidth;
	const sideBySide = wide && rest >= fixedWidth + MIN_FLEXIBLE_WIDTH;
	const fits = sideBySide || (wide && flexibleHeight + fixedHeight <= maxBottom);
	const tallEnough = (height: number) => height - PANEL_CHROME >= (fixed?.minLines ?? fixed?.lines ?? 0);
	const asked = fixed !== undefined && (fixed.choice === 'on' || fixed.choice === 'always' || (fixed.choice === 'auto' && fits));
	const showFixed = asked && wide && tallEnough(sideBySide || !fits ? maxBottom : maxBottom - flexibleHeight);
	const showFlexible = flexible !== undefined && (!showFixed || fits);
	const arrangement: 'row' | 'column' = sideBySide || !showFlexible ? 'row' : 'column';
	const both = arrangement === 'row' ? Math.max(flexibleHeight, fixedHeight) : flexibleHeight + fixedHeight;
	const wanted = showFlexible && showFixed ? both : showFixed ? fixedHeight : flexibleHeight;
	// nothing below the top panels (a lesson's step hid it all): they take the whole height
	const empty = !showFlexible && !showFixed && leftBottom === undefined && !sideBeside;
	const height = empty ? 0 : Math.max(7, Math.min(maxBottom, Math.max((leftBottom?.lines ?? 0) + PANEL_CHROME, wanted, sideBeside ? maxBottom : 0)));
	const boxes: Array<[Want<Id> | undefined, Box]> =
		showFlexible && showFixed
			? arrangement === 'row'
				? [
						[flexible, {width: rest - fixedWidth, height}],
						[fixed, {width: fixedWidth, height}],
					]
				: [
						[flexible, {width: rest, height: flexibleHeight}],
						[fixed, {width: rest, height: height - flexibleHeight}],
					]
			: [[showFlexible ? flexible : showFixed ? fixed : undefined, {width: rest, height}]];
	const refused =
		(fixed?.choice === 'on' || fixed?.choice === 'always') && !showFixed
			? {id: fixed.id, columns: fixedWidth, lines: (fixed.minLines ?? fixed.lines) + PANEL_CHROME}
			: undefined;
	return {height, sideWidth, arrangement, boxes, refused};
}

/**
 * Two columns: the left panels sized to their content; the top panel over the bottom panels
 * and, in a roomy window, the side panel.
 */
export function computeLayout<Id extends string>(input: LayoutInput<Id>): Layout<Id> {
	const {columns, rows} = input;
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return {tooSmall: true};
	}

	const roomy = columns >= ROOMY.columns && rows >= ROOMY.rows;
	const rooms = roomsOf(input.wants, roomy);
	const {leftTop, leftBottom, top, side, band} = rooms;
	const bandHeight = band ? band.lines + PANEL_CHROME : 0;
	// status (2 lines), the phase walk's lines, keys (1), and one spare line: a frame as tall as the
	// screen makes Ink clear it on every frame
	const panels = rows - 4 - input.phaseLines - bandHeight;
	const left = leftTop ? Math.min(leftTop.width + 4, Math.floor(columns * 0.62)) : 0;
	const sideBeside = side !== undefined && roomy;
	// a lesson's step that hides the left column leaves a small window's whole width to the rest: the side panel then takes
	// a column of its own, as tall as the panels, beside the top and bottom ones (they are not given up for it)
	const sideColumn = side !== undefined && !roomy && leftTop === undefined && (top ?? rooms.flexible ?? rooms.fixed) !== undefined;
	const sideColumnWidth = sideColumn ? Math.max(MIN_SIDE_WIDTH, Math.floor(columns * 0.38)) : 0;
	const right = columns - left - sideColumnWidth;
	// a lesson's step may hide the top panel: the bottom ones may then take the whole column, unless the left one is split
	const topTaken = top !== undefined || (side !== undefined && !sideBeside && !sideColumn);
	const bottom = bottomOf(rooms, right, topTaken || leftBottom ? Math.floor(panels / 2) : panels, sideBeside);
	const topHeight = panels - bottom.height;
	const boxes: Partial<Record<Id, Box>> = {};
	const place = (want: Want<Id> | undefined, box: Box) => {
		if (want !== undefined && box.width > 0) {
			boxes[want.id] = box;
		}
	};

	place(band, {width: columns, height: bandHeight});
	// without a panel under it (a lesson's step hid it), the left column's first panel is as tall as the column
	place(leftTop, {width: left, height: leftBottom ? topHeight : panels});
	place(leftBottom, {width: left, height: bottom.height});
	if (side === undefined || sideBeside || sideColumn) {
		place(top, {width: right, height: top ? topHeight : panels});
	}

	// in a small window the side panel (a map) takes the right column whole, unless a bottom panel was asked for with its key
	const sideTall = side !== undefined && !sideBeside && !sideColumn && !rooms.asked;
	place(
		side,
		sideColumn
			? {width: sideColumnWidth, height: panels}
			: sideBeside
				? {width: bottom.sideWidth, height: bottom.height}
				: {width: right, height: sideTall ? panels : topHeight},
	);
	for (const [want, box] of sideTall ? [] : bottom.boxes) {
		place(want, box);
	}

	return {
		tooSmall: false,
		boxes,
		left: {width: left, height: panels},
		right: {width: right, height: panels},
		sidePlace: sideColumn ? 'column' : sideBeside ? 'bottom' : sideTall ? 'right' : side ? 'top' : undefined,
		arrangement: bottom.arrangement,
		refused: bottom.refused,
	};
}
