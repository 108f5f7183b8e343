import { makeStyles } from '@material-ui/core';
import { FdpMark } from './LogoIcon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: 10,
    color: '#ffffff',
    whiteSpace: 'nowrap',
  },
  mark: {
    height: 30,
    width: 30,
    flexShrink: 0,
  },
  name: {
    fontSize: 18,
    fontWeight: 700,
    letterSpacing: 0.3,
    lineHeight: 1.1,
  },
  sub: {
    display: 'block',
    fontSize: 11,
    fontWeight: 400,
    opacity: 0.8,
  },
});

export const LogoFull = () => {
  const classes = useStyles();
  return (
    <span className={classes.root}>
      <FdpMark className={classes.mark} />
      <span className={classes.name}>
        FDP<span className={classes.sub}>Operations portal</span>
      </span>
    </span>
  );
};
