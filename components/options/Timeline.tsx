import type { SeriesCard } from '@/lib/cards/schema';
import { t } from './strings';

const W = 560;
const H = 160;
const PAD = { left: 64, right: 16, top: 12, bottom: 28 };

/** Days since 1970 of a partial date (a month counts as its first day). */
function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

const fmt = (n: number) => n.toLocaleString('en');

/**
 * A series' figures over time: an SVG line with its points (an image with a title and a
 * description), and the same figures as a table for screen readers and for reading.
 */
export function Timeline({ card }: { card: SeriesCard }) {
  const id = `timeline-${card.id}`;
  const label = card.series.label.en;
  const points = card.figures.map(({ figure }) => ({
    id: figure.id,
    x: dayOf(figure.asOf),
    y: figure.value,
    date: figure.asOf,
    qualifier: figure.qualifier,
  }));
  if (points.length === 0) {
    return (
      <div class="timeline">
        <h4>{t.data.timeline(label)}</h4>
        <p>{t.data.noFigures}</p>
      </div>
    );
  }
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const y1 = Math.max(...ys) || 1;
  const sx = (x: number) =>
    PAD.left +
    (x1 === x0
      ? (W - PAD.left - PAD.right) / 2
      : ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right));
  const sy = (y: number) => H - PAD.bottom - (y / y1) * (H - PAD.top - PAD.bottom);
  const line = points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const summary = t.data.timelineSummary(
    points.length,
    `${first.date} (${fmt(first.y)})`,
    `${last.date} (${fmt(last.y)})`,
    fmt(y1),
  );
  return (
    <div class="timeline">
      <h4 id={`${id}-title`}>{t.data.timeline(label)}</h4>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="timeline-chart"
        preserveAspectRatio="xMidYMid meet"
      >
        <desc id={`${id}-desc`}>{summary}</desc>
        <line
          x1={PAD.left}
          y1={H - PAD.bottom}
          x2={W - PAD.right}
          y2={H - PAD.bottom}
          class="axis"
        />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} class="axis" />
        <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end" class="tick">
          {fmt(y1)}
        </text>
        <text x={PAD.left - 6} y={H - PAD.bottom} text-anchor="end" class="tick">
          0
        </text>
        <text x={PAD.left} y={H - 8} class="tick">
          {first.date}
        </text>
        <text x={W - PAD.right} y={H - 8} text-anchor="end" class="tick">
          {last.date}
        </text>
        {points.length > 1 && <polyline points={line} class="series-line" fill="none" />}
        {points.map((p) => (
          <circle key={p.id} cx={sx(p.x)} cy={sy(p.y)} r={4} class="series-point">
            <title>{`${p.date}: ${[t.data.qualifier[p.qualifier], fmt(p.y)].filter(Boolean).join(' ')}`}</title>
          </circle>
        ))}
      </svg>
      <details>
        <summary>{t.data.timelineText}</summary>
        <table class="data-table">
          <caption class="visually-hidden">{t.data.timeline(label)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.data.dateCol}</th>
              <th scope="col">{t.data.valueCol}</th>
              <th scope="col">{t.data.sources}</th>
            </tr>
          </thead>
          <tbody>
            {card.figures.map(({ figure, sources }) => (
              <tr key={figure.id}>
                <td>{figure.asOf}</td>
                <td>
                  {[t.data.qualifier[figure.qualifier], fmt(figure.value)]
                    .filter(Boolean)
                    .join(' ')}
                </td>
                <td>{sources.map((s) => s.publisher).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
