-- WarningsReceived now names its warnings by id only (their facts are read when a listener runs).
-- Publications still waiting in the event registry are rewritten to the new shape, so a restart
-- resubmits them instead of failing on them. The registry's table is Modulith's, created on first start.
DO $$
BEGIN
    IF to_regclass('public.event_publication') IS NOT NULL THEN
        UPDATE public.event_publication
        SET serialized_event = jsonb_build_object(
                'warningIds',
                (SELECT coalesce(jsonb_agg(w -> 'warningId'), '[]'::jsonb)
                 FROM jsonb_array_elements(serialized_event::jsonb -> 'warnings') AS w))::text
        WHERE event_type = 'io.purseguard.warning.WarningsReceived'
          AND completion_date IS NULL
          AND serialized_event::jsonb ? 'warnings';
    END IF;
END
$$;
