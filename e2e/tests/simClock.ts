/** Moves the simulator's scenario clock (started by globalSetup with a manual clock). */
export async function advanceSimulator(seconds: number) {
  const res = await fetch(
    `${process.env.FDP_SIM_URL}/sim/advance?seconds=${seconds}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.FDP_SIM_TOKEN}` },
    },
  );
  if (!res.ok) {
    throw new Error(`advance failed: ${res.status} ${await res.text()}`);
  }
}

/** Moves the scenario clock forward to `seconds` (no-op if already past it). */
export async function advanceSimulatorTo(seconds: number) {
  const res = await fetch(`${process.env.FDP_SIM_URL}/sim/clock`, {
    headers: { Authorization: `Bearer ${process.env.FDP_SIM_TOKEN}` },
  });
  if (!res.ok) {
    throw new Error(`clock failed: ${res.status} ${await res.text()}`);
  }
  const { elapsedSeconds } = await res.json();
  if (elapsedSeconds < seconds) {
    await advanceSimulator(seconds - elapsedSeconds);
  }
}
