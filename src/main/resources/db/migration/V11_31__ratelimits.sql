-- Module ratelimits (issue 11): fixed-window counters of the abuse limits on public inputs, shared by every node.
-- key_digest is an HMAC-SHA-256 (key in the key directory) of the limited key under the limit's name: no address or
-- identifier is stored. Rows whose window has ended are deleted by each node's purge (gardien.rate-limits.purge-every).
CREATE TABLE ratelimits_counter
(
  limit_name   VARCHAR(60)              NOT NULL,
  key_digest   CHAR(64)                 NOT NULL,
  window_start TIMESTAMP WITH TIME ZONE NOT NULL,
  window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
  hits         INT                      NOT NULL,
  PRIMARY KEY (limit_name, key_digest, window_start)
);
CREATE INDEX ratelimits_counter_end ON ratelimits_counter (window_end);
