import process from 'node:process';

/** Whether the terminal shows colour: not with NO_COLOR (no-color.org), nor where it has none. */
export function hasColour(stream: NodeJS.WriteStream = process.stdout): boolean {
	if ('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '') {
		return false;
	}

	if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') {
		return true;
	}

	return typeof stream.hasColors === 'function' ? stream.hasColors() : false;
}
