-- /resolve answers from memory (ResolveTable). Every replica must forget what it holds when a binding or a server
-- changes anywhere: each committed change of either table notifies channel certdesk_bindings (PostgreSQL delivers
-- notifications after the commit, in commit order), and every replica LISTENs to it.
create function certdesk_bindings_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('certdesk_bindings', tg_table_name);
    return null;
end
$$;
create trigger binding_changed after insert or update or delete or truncate on binding
    for each statement execute function certdesk_bindings_changed();
create trigger server_changed after insert or update or delete or truncate on server
    for each statement execute function certdesk_bindings_changed();
