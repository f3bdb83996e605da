/** One figure of the benchmark, with pandoc's where pandoc does the same job. */
export interface Figure {
  id: number;
  name: string;
  briefing: number;
  pandoc?: number;
  /** For times: briefing ÷ pandoc; for throughput: pandoc's time per document ÷ briefing's. */
  ratio?: number;
  target: string;
  better: 'lower' | 'higher';
  /** Whether the target is met; undefined when it cannot be told (no pandoc, no /proc). */
  met?: boolean;
  note?: string;
}

/** The figures as a Markdown table, ready for docs/performance.md. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const briefing = Number.isNaN(f.briefing) ? '–' : number(f.briefing);
    const pandoc = f.pandoc === undefined ? '–' : number(f.pandoc);
    const ratio = f.ratio === undefined ? '–' : `${f.ratio.toFixed(2)}×`;
    const met = f.met === undefined ? '–' : f.met ? 'yes' : 'no';
    return `| ${f.id} | ${f.name} | ${briefing} | ${pandoc} | ${ratio} | ${f.target} | ${met} |`;
  });
  const notes = figures.filter((f) => f.note).map((f) => `- (${f.id}) ${f.note ?? ''}`);
  return [
    '| # | figure | briefing | pandoc | ratio | target | met |',
    '|---|---|---:|---:|---:|---|---|',
    ...rows,
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

function number(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
