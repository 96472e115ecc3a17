/** Accounts the browser tests sign in with; created by the global setup in a throwaway data directory. */
export const ADMIN = { username: 'demo', password: 'e2e-demo-password-1' } as const;
export const SECOND_USER = { username: 'riley', password: 'e2e-second-password-2' } as const;
