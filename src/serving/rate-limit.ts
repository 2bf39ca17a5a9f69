import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Per-user limits: generous for a person, firm for a script. */
export interface RateLimitSettings {
  /** Requests a user may make per window. */
  points: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

/** The answer to "may this user ask now?": yes, or no with when to retry. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts each user's requests (commands, buttons, DMs) in a rolling window, in memory. */
export class UserRateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly settings: RateLimitSettings) {
    this.limiter = new RateLimiterMemory({
      points: settings.points,
      duration: settings.windowSeconds,
    });
  }

  /** Takes one request from the user's allowance. */
  async take(userId: string): Promise<RateDecision> {
    try {
      await this.limiter.consume(userId);
      return { allowed: true };
    } catch (error) {
      if (error instanceof RateLimiterRes)
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        };
      throw error;
    }
  }
}

/** The private reply to a user who asks too fast. */
export function rateLimitMessage(
  decision: Extract<RateDecision, { allowed: false }>,
  settings: RateLimitSettings,
): string {
  return `You're asking faster than Annex allows (${settings.points} requests per ${settings.windowSeconds} s). Try again in ${decision.retryAfterSeconds} s.`;
}
