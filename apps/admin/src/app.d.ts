// Ambient types for the admin app.
declare global {
  namespace App {
    interface Error {
      message: string;
      /** GraphQL extensions.code when the failure came from the gateway. */
      code?: string;
      /** The gateway's own Japanese wording of a refusal (FORBIDDEN), when it gave one. */
      messageJa?: string;
      /** Rule IDs behind a refusal, shown as 根拠条文. */
      ruleIds?: string[];
    }
  }
}

export {};
