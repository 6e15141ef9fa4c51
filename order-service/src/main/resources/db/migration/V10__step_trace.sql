-- The trace of a step's last attempt: its calls to keystore-service and binding-service carry it (W3C traceparent),
-- so staff can find every log line of a parked step across the three services.
alter table orchestration_step add column trace_id varchar(32);
