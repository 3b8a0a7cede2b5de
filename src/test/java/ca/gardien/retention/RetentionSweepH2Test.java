package ca.gardien.retention;

/** The retention sweeps on a private in-memory H2 shop (no server needed). */
class RetentionSweepH2Test extends RetentionSweepAcceptance {}
