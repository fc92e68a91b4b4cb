// Maps a position in a bundle (dist/cli.js) back to its TypeScript source with the bundle's .map file, so the
// CPU profile summary names server/src/... files instead of bundle offsets. Source map v3, no dependencies.

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digitOf = new Map([...base64].map((c, i) => [c, i]));

function decodeVlqSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = digitOf.get(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Returns lookup(line0, column0) -> { source, line0 } | undefined for a parsed source map object. */
export function sourceMapLookup(map) {
  const lines = [];
  let sourceIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const lineText of map.mappings.split(';')) {
    const segments = [];
    let generatedColumn = 0;
    if (lineText) {
      for (const segmentText of lineText.split(',')) {
        const fields = decodeVlqSegment(segmentText);
        generatedColumn += fields[0];
        if (fields.length >= 4) {
          sourceIndex += fields[1];
          sourceLine += fields[2];
          sourceColumn += fields[3];
          segments.push([generatedColumn, sourceIndex, sourceLine]);
        }
      }
    }
    lines.push(segments);
  }
  return (line0, column0) => {
    const segments = lines[line0];
    if (!segments || segments.length === 0) return undefined;
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (segments[mid][0] <= column0) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    const segment = segments[Math.max(found, 0)];
    return { source: map.sources[segment[1]], line0: segment[2] };
  };
}
