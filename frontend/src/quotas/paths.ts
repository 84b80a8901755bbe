/** The signed-in user's quotas page (from the user menu). */
export const MY_QUOTAS_PATH = '/my-quotas';
