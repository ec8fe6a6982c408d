/** The message of whatever was thrown, for a problem shown to the user. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
