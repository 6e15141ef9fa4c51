-- The service runs as a role that may read and write rows and nothing else (no DDL, no TRUNCATE, no
-- ALTER TABLE ... DISABLE TRIGGER), while migrations run as the schema owner (quarkus.flyway.username).
-- ${runtime_role} is quarkus.datasource.username. When both are the same role (a one-user development
-- database) there is nothing to grant and this changes nothing.
do $$
begin
    if current_user <> '${runtime_role}' then
        execute format('grant usage on schema public to %I', '${runtime_role}');
        execute format('grant select, insert, update, delete on all tables in schema public to %I', '${runtime_role}');
        execute format('grant usage, select, update on all sequences in schema public to %I', '${runtime_role}');
        -- tables and sequences later migrations create are the service's to use in the same way
        execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I',
                '${runtime_role}');
        execute format('alter default privileges in schema public grant usage, select, update on sequences to %I',
                '${runtime_role}');
        -- the migration history is the owner's alone
        execute format('revoke all on flyway_schema_history from %I', '${runtime_role}');
    end if;
end
$$;
