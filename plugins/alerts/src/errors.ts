/** The backend's message of a failed request, without the HTTP preamble. */
export function errorMessage(error: unknown): string {
  const e = error as {
    body?: { error?: { message?: string } };
    response?: { status?: number };
    message?: string;
  };
  if (e?.response?.status === 403) {
    const detail = e.body?.error?.message;
    return `Not allowed${detail ? `: ${detail}` : ''}`;
  }
  return e?.body?.error?.message || e?.message || String(error);
}
