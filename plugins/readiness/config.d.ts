export interface Config {
  /** Readiness, as the frontend reads it. */
  readiness?: {
    /** Readiness badges for READMEs; see docs/badges.md. */
    badges?: {
      /**
       * Whether the backend serves badges without a session; the Readiness
       * tab's Badge button then offers a README snippet. Declared by the
       * backend plugin too, which serves them. Defaults to false.
       * @visibility frontend
       */
      public?: boolean;
    };
  };
}
