/** An error whose message is safe and useful to show the user (privately). Anything else is logged with an id. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/** A rendered reply would break Discord's limits: a bug to log, never to send. */
export class RenderLimitError extends Error {
  override readonly name = 'RenderLimitError';
}
