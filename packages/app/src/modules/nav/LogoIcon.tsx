import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 28,
    height: 28,
    flexShrink: 0,
  },
});

/** The FDP mark: three rising bars (the data platform) under a pulse (operations). */
export const FdpMark = ({ className }: { className?: string }) => (
  <svg
    className={className}
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 32 32"
    role="img"
    aria-label="FDP"
  >
    <rect width="32" height="32" rx="7" fill="#0b6e4f" />
    <rect x="7" y="18" width="4" height="8" rx="1" fill="#7df3e1" />
    <rect x="14" y="14" width="4" height="12" rx="1" fill="#7df3e1" />
    <rect x="21" y="10" width="4" height="16" rx="1" fill="#7df3e1" />
    <path
      d="M5 11h5l2-4 3 8 2-4h10"
      fill="none"
      stroke="#ffffff"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

export const LogoIcon = () => {
  const classes = useStyles();
  return <FdpMark className={classes.svg} />;
};
