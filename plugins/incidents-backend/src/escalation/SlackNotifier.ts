import { LoggerService } from '@backstage/backend-plugin-api';

const TIMEOUT_MS = 10_000;

/**
 * Posts a level's escalations to its Slack incoming webhook
 * (`incidents.slack.webhookUrls`), if one is configured. A failure is thrown
 * so that the notification is retried; the URL (a secret) is never logged.
 */
export class SlackNotifier {
  constructor(
    private readonly webhookUrls: Record<string, string>,
    private readonly logger: LoggerService,
  ) {}

  async post(levelId: string, text: string): Promise<void> {
    const url = this.webhookUrls[levelId];
    if (!url) return;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      this.logger.warn(
        `Slack webhook of ${levelId} answered ${response.status}`,
      );
      throw new Error(
        `Slack webhook of ${levelId} answered ${response.status}`,
      );
    }
  }
}
