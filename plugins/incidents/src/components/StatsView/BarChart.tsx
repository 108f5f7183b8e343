import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';

export interface Bar {
  label: string;
  /** null: nothing to show (no decided clocks, nothing acknowledged). */
  value: number | null;
  /** The value as text beside the bar. */
  text: string;
}

const ROW = 22;
const LABEL_WIDTH = 140;
const TEXT_WIDTH = 90;
const WIDTH = 480;

/**
 * Horizontal bars scaled to `max` (a handful of bars per chart: an SVG of
 * our own instead of a chart library the app does not otherwise need).
 */
export function BarChart(props: {
  title: string;
  bars: Bar[];
  max: number;
  testId: string;
}) {
  const { title, bars, max, testId } = props;
  const theme = useTheme();
  const barWidth = WIDTH - LABEL_WIDTH - TEXT_WIDTH;
  return (
    <figure style={{ margin: 0 }} data-testid={testId}>
      <Typography component="figcaption" variant="subtitle2">
        {title}
      </Typography>
      <svg
        viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`}
        width="100%"
        style={{ maxWidth: WIDTH }}
        role="img"
        aria-label={title}
      >
        {bars.map((bar, i) => {
          const width =
            bar.value === null || max <= 0
              ? 0
              : Math.max(1, (bar.value / max) * barWidth);
          const y = i * ROW;
          return (
            <g key={bar.label} data-bar={bar.label}>
              <text
                x={0}
                y={y + ROW * 0.7}
                fontSize={12}
                fill={theme.palette.text.primary}
              >
                {bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 4}
                width={width}
                height={ROW - 8}
                fill={theme.palette.primary.main}
              />
              <text
                x={LABEL_WIDTH + width + 6}
                y={y + ROW * 0.7}
                fontSize={12}
                fill={theme.palette.text.secondary}
              >
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
