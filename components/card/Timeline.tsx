import type { TimelineView } from '@/lib/cards/view';
import { strings, type UiLang } from '@/lib/cards/strings';

const WIDTH = 300;
const HEIGHT = 64;

/** A series' figures over time as a small step line, with the same points as a list. */
export function Timeline({ timeline, lang }: { timeline: TimelineView; lang: UiLang }) {
  const t = strings(lang);
  const points = timeline.points;
  const times = points.map((p) => Date.parse(p.date.length === 7 ? `${p.date}-01` : p.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(t0 + 1, Math.max(...times));
  const vmax = Math.max(1, ...points.map((p) => p.value));
  const x = (time: number) => 6 + ((time - t0) / (t1 - t0)) * (WIDTH - 12);
  const y = (v: number) => HEIGHT - 6 - (v / vmax) * (HEIGHT - 14);
  const path = points
    .map((p, k) => `${k === 0 ? 'M' : 'L'}${x(times[k]!).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const heading = t.timelineHeading(timeline.label);
  return (
    <figure class="cc-timeline">
      <figcaption class="cc-h3">{heading}</figcaption>
      <svg
        role="img"
        aria-label={heading}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
      >
        <path d={path} class="cc-line" />
        {points.map((p, k) => (
          <circle key={p.date + p.value} cx={x(times[k]!)} cy={y(p.value)} r={2.5} class="cc-dot">
            <title>{p.label}</title>
          </circle>
        ))}
      </svg>
      <details class="cc-details">
        <summary>{heading}</summary>
        <ul>
          {points.map((p) => (
            <li key={p.date + p.value}>{p.label}</li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
