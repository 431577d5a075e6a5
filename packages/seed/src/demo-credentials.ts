/**
 * The password of every demo sign-in (README). It is set only when the demo data is loaded, which
 * the seeder refuses on a database marked production, and only where no password is set yet.
 */
export const DEMO_PASSWORD = 'demo-admin-pass';
