import type { ScalePoint } from '@/lib/cards/view';
import { formatNumber, strings, type UiLang } from '@/lib/cards/strings';

const WIDTH = 300;
const ROW = 18;

/**
 * The passage's numbers beside the documented and claimed ones on one logarithmic bar
 * (hundreds, thousands and hundreds of thousands fit on one line), with a text alternative.
 */
export function FigureScale({ points, lang }: { points: ScalePoint[]; lang: UiLang }) {
  const t = strings(lang);
  if (points.length < 2) return null;
  const values = points.map((p) => p.value);
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...values))));
  const x = (v: number) => 8 + ((Math.log10(v) - lo) / (hi - lo)) * (WIDTH - 16);
  const sorted = [...points].sort((a, b) => a.value - b.value);
  const height = 26 + sorted.length * ROW;
  const alt = t.scaleAlt(
    sorted.map((p) => `${p.label} (${t.roles[p.role]}): ${formatNumber(p.value, lang)}`).join('; '),
  );
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) ticks.push(10 ** e);
  return (
    <figure class="cc-scale">
      <figcaption class="cc-h3">{t.scaleHeading}</figcaption>
      <svg
        role="img"
        aria-label={alt}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
      >
        <line x1={8} x2={WIDTH - 8} y1={12} y2={12} class="cc-axis" />
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={8} y2={16} class="cc-axis" />
          </g>
        ))}
        {sorted.map((p, k) => (
          <g key={`${p.role}-${p.value}-${k}`} class={`cc-point cc-${p.role}`}>
            <circle cx={x(p.value)} cy={12} r={5} />
            <line x1={x(p.value)} x2={x(p.value)} y1={17} y2={28 + k * ROW} class="cc-leader" />
            <text
              x={Math.min(x(p.value), WIDTH - 8)}
              y={32 + k * ROW}
              text-anchor={x(p.value) > WIDTH / 2 ? 'end' : 'start'}
            >
              {`${formatNumber(p.value, lang)} · ${t.roles[p.role]}`}
            </text>
          </g>
        ))}
      </svg>
      <p class="cc-visually-hidden">{alt}</p>
    </figure>
  );
}
