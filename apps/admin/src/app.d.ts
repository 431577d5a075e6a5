// Ambient types for the admin app.
declare global {
  namespace App {
    interface Error {
      message: string;
      /** GraphQL extensions.code when the failure came from the gateway. */
      code?: string;
    }
  }
}

export {};
