/** One figure of the benchmark, beside what it is compared with when something does the same job. */
export interface Figure {
  /** The target's number in issue 11 ("1", "2a", …). */
  id: string;
  name: string;
  /** Briefing's value (ms, MiB or ms per document); NaN when not measured. */
  briefing: number;
  /** What briefing is measured against in the same run: pandoc, or a bare `node -e 0`. */
  baseline?: { name: string; value: number };
  /** For times: briefing ÷ baseline; for throughput: the baseline's time per document ÷ briefing's. */
  ratio?: number;
  target: string;
  /** Whether the target is met; undefined when it cannot be told (no pandoc, no /proc). */
  met?: boolean;
  note?: string;
}

/** The figures as a Markdown table, ready for docs/performance.md. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const briefing = Number.isNaN(f.briefing) ? '–' : number(f.briefing);
    const baseline = f.baseline === undefined ? '–' : `${number(f.baseline.value)} (${f.baseline.name})`;
    const ratio = f.ratio === undefined ? '–' : `${f.ratio.toFixed(2)}×`;
    const met = f.met === undefined ? '–' : f.met ? 'yes' : 'no';
    return `| ${f.id} | ${f.name} | ${briefing} | ${baseline} | ${ratio} | ${f.target} | ${met} |`;
  });
  const notes = figures.filter((f) => f.note).map((f) => `- (${f.id}) ${f.note ?? ''}`);
  return [
    '| # | figure | briefing | compared with | ratio | target | met |',
    '|---|---|---:|---:|---:|---|---|',
    ...rows,
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

function number(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
