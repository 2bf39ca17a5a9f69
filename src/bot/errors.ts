/** An error whose message is safe and useful to show the user (privately). Anything else is logged with an id. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}
