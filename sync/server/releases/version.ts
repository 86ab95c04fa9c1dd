/** A release version as electron-builder writes it (package.json's version): semver, optionally pre-release. */
export const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

const identifiers = (pre: string | undefined) => (pre === undefined ? [] : pre.split('.'));

/** Semver precedence: negative when `a` comes before `b`. Both must match VERSION_PATTERN. */
export const compareVersions = (a: string, b: string): number => {
  const [, ...left] = VERSION_PATTERN.exec(a) ?? [];
  const [, ...right] = VERSION_PATTERN.exec(b) ?? [];
  for (let i = 0; i < 3; i += 1) {
    const difference = Number(left[i]) - Number(right[i]);
    if (difference !== 0) return difference;
  }
  const [preA, preB] = [identifiers(left[3]), identifiers(right[3])];
  // A release comes after its own pre-releases.
  if (preA.length === 0 || preB.length === 0) return preB.length - preA.length;
  for (let i = 0; i < Math.max(preA.length, preB.length); i += 1) {
    const [x, y] = [preA[i], preB[i]];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    const [numericX, numericY] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (numericX && numericY) return Number(x) - Number(y);
    if (numericX !== numericY) return numericX ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
};
