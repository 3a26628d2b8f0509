/**
 * Each handoff's wait for the first reply a teammate sent the visitor in that episode, as SQL
 * pieces: the handoffs in [?, ?) joined to that reply as `r.at` (unanswered ones left out), and
 * the wait in minutes. One definition for the promise's "usually within N minutes" and the
 * insights' first-response figures.
 */
export const WAIT_MINUTES = 'extract(epoch from (r.at - e.created_at)) / 60';
export const HANDOFF_WAITS = `from conversation_events e
  join lateral (select min(m.created_at) as at from messages m
                 where m.conversation_id = e.conversation_id and m.episode = e.episode and m.author = 'agent'
                   and m.internal = false and m.created_at >= e.created_at) r on r.at is not null
  where e.type = 'hand_off' and e.created_at >= ? and e.created_at < ?`;
