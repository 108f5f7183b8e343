const TIMEOUT_MS = 10_000;

/**
 * Posts a level's escalations to its Slack incoming webhook
 * (`incidents.slack.webhookUrls`), if one is configured. A failure is thrown
 * so that the notification is retried; its message never holds the URL (a
 * secret).
 */
export class SlackNotifier {
  constructor(private readonly webhookUrls: Record<string, string>) {}

  async post(levelId: string, text: string): Promise<void> {
    const url = this.webhookUrls[levelId];
    if (!url) return;
    let status: number;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
    } catch (error) {
      throw new Error(
        `Slack webhook of ${levelId} is unreachable (${(error as Error).name})`,
      );
    }
    if (status < 200 || status >= 300) {
      throw new Error(`Slack webhook of ${levelId} answered ${status}`);
    }
  }
}
