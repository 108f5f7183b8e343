export function TargetDetail() {
  return null;
}
