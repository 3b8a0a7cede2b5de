-- The console queue's default view (open requests by due date, keyset on (due_on, id)) and the open counts of the
-- burn-down read only the open requests: a partial index holds just those, so a deep page no longer walks past the
-- closed ones. The queue writes the open statuses as literals so that the planner can use it. PostgreSQL only (H2 has
-- no partial indexes; its queue keeps the (due_on, id) index).
CREATE INDEX requests_request_open_due_id ON requests_request (due_on, id)
  WHERE status IN ('RECEIVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS', 'RESPONSE_DRAFTED', 'APPROVED');
