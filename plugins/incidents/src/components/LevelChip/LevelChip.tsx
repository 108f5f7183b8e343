import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { findLevel, IncidentLevel } from '@fdp/plugin-incidents-common';
import { useLevelText } from '../../hooks/useLevelText';

/** Palette colour by severity rank (levels come most severe first). */
function rankColor(theme: Theme, rank: number): string {
  const colors = [
    theme.palette.error.main,
    theme.palette.warning.main,
    theme.palette.info.main,
  ];
  return colors[rank] ?? theme.palette.grey[600];
}

const useStyles = makeStyles<Theme, { rank: number }>(theme => ({
  chip: ({ rank }) => ({
    backgroundColor: rankColor(theme, rank),
    color: theme.palette.getContrastText(rankColor(theme, rank)),
    fontWeight: 600,
  }),
}));

/** The incident's level as a chip coloured by severity, its meaning in a tooltip. */
export function LevelChip(props: {
  level: string;
  levels: readonly IncidentLevel[];
}) {
  const { level, levels } = props;
  const rank = levels.findIndex(l => l.id === level);
  const classes = useStyles({ rank: rank < 0 ? levels.length : rank });
  const config = findLevel(levels, level);
  const text = useLevelText();
  const chip = (
    <Chip
      size="small"
      label={config ? text.label(config) : level}
      className={classes.chip}
      data-testid="level-chip"
    />
  );
  return config ? (
    <Tooltip title={text.description(config)}>{chip}</Tooltip>
  ) : (
    chip
  );
}
