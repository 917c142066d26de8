import type { TimelineView } from '@/lib/cards/view';
import { formatDate, formatNumber, strings, type UiLang } from '@/lib/cards/strings';

/** The card's small chart, and the data explorer's wide one with its axes. */
const SIZES = {
  card: { width: 300, height: 64, pad: { left: 6, right: 6, top: 8, bottom: 6 } },
  wide: { width: 560, height: 160, pad: { left: 64, right: 16, top: 12, bottom: 28 } },
} as const;

/** Days since 1970 of a partial date (a month counts as its first day). */
function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

/**
 * A series' figures over time: a line through its points (an image named by its heading
 * and described by a one-sentence summary), and the same figures as a list, for screen
 * readers and for reading. In a card (`size="card"`, small) and in the options page's data
 * explorer (`size="wide"`, with axes; each figure with its sources when the view has them).
 */
export function Timeline({
  timeline,
  lang,
  size = 'card',
}: {
  timeline: TimelineView;
  lang: UiLang;
  size?: keyof typeof SIZES;
}) {
  const t = strings(lang);
  const { width, height, pad } = SIZES[size];
  const points = timeline.points;
  const heading = t.timelineHeading(timeline.label);
  if (points.length === 0) return null;
  const days = points.map((p) => dayOf(p.date));
  const d0 = Math.min(...days);
  const d1 = Math.max(...days);
  const vmax = Math.max(1, ...points.map((p) => p.value));
  const inner = width - pad.left - pad.right;
  // One point (or one date) sits in the middle.
  const x = (day: number) => pad.left + (d1 === d0 ? inner / 2 : ((day - d0) / (d1 - d0)) * inner);
  const y = (v: number) => height - pad.bottom - (v / vmax) * (height - pad.top - pad.bottom);
  const path = points
    .map((p, k) => `${k === 0 ? 'M' : 'L'}${x(days[k]!).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const summary = t.timelineSummary(
    points.length,
    `${formatDate(first.date, lang)} (${formatNumber(first.value, lang)})`,
    `${formatDate(last.date, lang)} (${formatNumber(last.value, lang)})`,
    formatNumber(vmax, lang),
  );
  return (
    <figure class={`cc-timeline cc-timeline-${size}`}>
      <figcaption class="cc-h3">{heading}</figcaption>
      <svg
        role="img"
        aria-label={heading}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
      >
        <desc>{summary}</desc>
        {size === 'wide' ? (
          <g aria-hidden="true">
            <line
              x1={pad.left}
              y1={height - pad.bottom}
              x2={width - pad.right}
              y2={height - pad.bottom}
              class="cc-axis"
            />
            <line
              x1={pad.left}
              y1={pad.top}
              x2={pad.left}
              y2={height - pad.bottom}
              class="cc-axis"
            />
            <text x={pad.left - 6} y={pad.top + 4} text-anchor="end" class="cc-tick">
              {formatNumber(vmax, lang)}
            </text>
            <text x={pad.left - 6} y={height - pad.bottom} text-anchor="end" class="cc-tick">
              0
            </text>
            {d1 === d0 ? (
              <text x={x(d0)} y={height - 8} text-anchor="middle" class="cc-tick">
                {formatDate(first.date, lang)}
              </text>
            ) : (
              <>
                <text x={pad.left} y={height - 8} class="cc-tick">
                  {formatDate(first.date, lang)}
                </text>
                <text x={width - pad.right} y={height - 8} text-anchor="end" class="cc-tick">
                  {formatDate(last.date, lang)}
                </text>
              </>
            )}
          </g>
        ) : null}
        {points.length > 1 ? <path d={path} class="cc-line" /> : null}
        {points.map((p, k) => (
          <circle
            key={k}
            cx={x(days[k]!)}
            cy={y(p.value)}
            r={size === 'wide' ? 4 : 2.5}
            class="cc-dot"
          >
            <title>{p.label}</title>
          </circle>
        ))}
      </svg>
      <details class="cc-details">
        <summary>{heading}</summary>
        <ul>
          {points.map((p, k) => (
            <li key={k}>
              {p.label}
              {p.sources?.length ? ` (${p.sources.join(', ')})` : ''}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
