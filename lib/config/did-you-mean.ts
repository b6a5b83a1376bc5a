/** Edit distance (insertions, deletions, substitutions; a swap of neighbours counts 1). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

const leaf = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

/**
 * The closest of `candidates` to a mistyped dotted path, or undefined when
 * none is close. A leaf that matches under another section counts as close
 * (`generation.batch_size` -> `batch_processing.batch_size`); `canonical`
 * maps an alias to the name to suggest for it.
 */
export function didYouMean(
  wrong: string,
  candidates: Iterable<string>,
  canonical: (candidate: string) => string = (c) => c,
): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const wrongLeaf = leaf(wrong);
  for (const c of candidates) {
    const whole = editDistance(wrong.toLowerCase(), c.toLowerCase());
    const byLeaf = editDistance(wrongLeaf.toLowerCase(), leaf(c).toLowerCase()) + 1;
    const score = Math.min(whole, byLeaf);
    const name = whole <= byLeaf ? c : canonical(c);
    if (score < bestScore || (score === bestScore && best !== undefined && name.length > best.length)) {
      bestScore = score;
      best = name;
    }
  }
  const limit = Math.max(2, Math.floor(wrongLeaf.length / 3));
  return bestScore <= limit ? best : undefined;
}
