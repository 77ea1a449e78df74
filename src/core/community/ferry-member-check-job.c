/* ferry-member-check-job.c: one pass over a community, each member asked on their own server
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each member costs as few requests as their state allows (community-facts §0.7, §9):
 * - the old account, looked up on the old server: gone, suspended, moved elsewhere end it (1);
 * - the new account (the expected one, or where the old one moved to on the new server),
 *   looked up there: not there ends it (2), moved ends it with the followers count (2);
 * - only a new account that exists while the old one has not moved yet has its actor read for
 *   alsoKnownAs (3).
 * Requests go per server through a lane that spaces them: one API request every
 * period / (limit × FERRY_MEMBER_CHECK_BUDGET_SHARE) seconds, so that no fixed window of the
 * server's throttle (Rack::Attack's windows are aligned to the epoch, mastodon:
 * config/initializers/rack_attack.rb) ever sees more than the share, and no 429 comes. Actor
 * documents go through a lane of their own at the same pace (not under /api, so Mastodon does
 * not count them; GoToSocial limits them apart, gotosocial: docs/api/ratelimiting.md).
 *
 * The clock is the job's own (real, or a test's virtual one moved only while nothing is in
 * flight, so the pass on the virtual clock is what it would be in real time). Members are
 * taken in ferry_community_members_to_check() order, a few at a time; each observation goes
 * into the member at once and the community says it changed, so its store saves it: a pass
 * killed midway loses nothing it learnt, and the next pass starts with those not checked.
 */

#define G_LOG_DOMAIN "ferry-community"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-community.h"
#include "ferry-handle.h"
#include "ferry-member-check-job.h"

#define DEFAULT_LIMIT   300        /* requests per period without a token (community-facts §7) */
#define DEFAULT_PERIOD  300        /* seconds */
#define WINDOW          8          /* members checked side by side */
#define RECHECK_SETTLED (24 * 3600) /* moved and confirmed: once a day (community-facts §7) */
#define RECHECK_MOVING  (6 * 3600)

typedef struct _Lane Lane;

typedef enum
{
  STEP_OLD,
  STEP_NEW,
  STEP_ALIAS,
} Step;

typedef struct
{
  FerryMemberCheckJob *job;       /* unowned: the job outlives its checks */
  Lane                *lane;      /* unowned: where its request in flight went */
  FerryMember         *member;    /* owned */
  Step                 step;
  gboolean             failed;
  FerryMemberObservation obs;
  char                *moved_to;
  char                *last_status;
  char                *new_address;
  char                *new_uri;
} Check;

struct _Lane
{
  char        *host;
  FerryClient *client;     /* owned */
  gboolean     documents;  /* ActivityPub documents, not the API */
  gint64       last_slot;  /* µs */
  GQueue       pending;    /* Check* waiting for a slot */
  guint        n_requests;
  GError      *refused;    /* owned: the server refused the client (a token needed, or not
                            * taken): nothing more is sent through this lane in the pass */
};

struct _FerryMemberCheckJob
{
  FerryJob             parent_instance;

  FerryCommunity      *community;   /* owned */
  FerryAccountManager *accounts;    /* owned, nullable */
  GTlsDatabase        *tls;         /* owned, nullable */
  GStrv                only;
  GHashTable          *clients;     /* host → FerryClient, given */
  GHashTable          *lanes;       /* key → Lane */
  GPtrArray           *order;       /* FerryMember*, owned refs */
  guint                next;
  guint                active;      /* checks under way */
  guint                in_flight;   /* requests out */
  guint                n_checked;
  guint                n_failed;
  guint                n_requests;
  gint64               interval;    /* µs between two requests of one lane */
  gint64               planned_end; /* unix seconds */
  GError              *first_error;
  GTask               *task;
  GSource             *cancelled;
  guint                timer_id;
  gint64               timer_at;
  gboolean             parked;

  FerryMemberCheckNow     now_func;
  FerryMemberCheckAdvance advance_func;
  gpointer                clock_data;
};

G_DEFINE_FINAL_TYPE (FerryMemberCheckJob, ferry_member_check_job, FERRY_TYPE_JOB)

static void pump (FerryMemberCheckJob *self);

static gint64
clock_now (FerryMemberCheckJob *self)
{
  return self->now_func ? self->now_func (self->clock_data) : g_get_real_time ();
}

static void
lane_free (Lane *lane)
{
  g_queue_clear (&lane->pending);
  g_clear_error (&lane->refused);
  g_clear_object (&lane->client);
  g_free (lane->host);
  g_free (lane);
}

static void
check_free (Check *check)
{
  g_clear_object (&check->member);
  g_free (check->moved_to);
  g_free (check->last_status);
  g_free (check->new_address);
  g_free (check->new_uri);
  g_free (check);
}

static char *
host_of (const char *address)
{
  g_autoptr(FerryHandle) handle = ferry_handle_parse (address, FERRY_HANDLE_PARSE_DEFAULT, NULL);

  return handle ? g_strdup (handle->host) : NULL;
}

static char *
username_of (const char *address)
{
  g_autoptr(FerryHandle) handle = ferry_handle_parse (address, FERRY_HANDLE_PARSE_DEFAULT, NULL);

  return handle ? g_strdup (handle->username) : NULL;
}

/* The client for @host: one given, the helper's account's there, or one without a token. */
static FerryClient *
client_for (FerryMemberCheckJob *self,
            const char          *host)
{
  FerryClient *given = g_hash_table_lookup (self->clients, host);
  g_autofree char *base = NULL;
  GTlsDatabase *tls = self->tls;

  if (given != NULL)
    return g_object_ref (given);
  if (self->accounts != NULL)
    {
      const FerryRole roles[] = { FERRY_ROLE_OLD, FERRY_ROLE_NEW };

      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        {
          FerryClient *client = ferry_account_manager_get_client (self->accounts, roles[i]);

          /* The token goes only to its own host (the client refuses any other origin). */
          if (client != NULL && g_ascii_strcasecmp (ferry_client_get_host (client), host) == 0)
            return g_object_ref (client);
        }
      if (tls == NULL)
        tls = ferry_account_manager_get_tls_database (self->accounts);
    }
  base = g_strdup_printf ("https://%s", host);
  return ferry_client_new (base, tls);
}

static Lane *
lane_for (FerryMemberCheckJob *self,
          const char          *host,
          gboolean             documents)
{
  g_autofree char *key = g_strdup_printf ("%s%s", documents ? "ap:" : "api:", host);
  Lane *lane = g_hash_table_lookup (self->lanes, key);

  if (lane != NULL)
    return lane;
  lane = g_new0 (Lane, 1);
  lane->host = g_strdup (host);
  lane->documents = documents;
  lane->client = client_for (self, host);
  lane->last_slot = G_MININT64 / 2;
  g_queue_init (&lane->pending);
  g_hash_table_insert (self->lanes, g_steal_pointer (&key), lane);
  return lane;
}

static void
finish (FerryMemberCheckJob *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  gint64 now = clock_now (self) / G_USEC_PER_SEC;
  GHashTableIter iter;
  Lane *lane;

  if (task == NULL)
    return;
  /* Checks still waiting for a slot (a cancelled pass) end unobserved. */
  g_hash_table_iter_init (&iter, self->lanes);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &lane))
    while (!g_queue_is_empty (&lane->pending))
      check_free (g_queue_pop_head (&lane->pending));
  self->active = 0;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->cancelled != NULL)
    {
      g_source_destroy (self->cancelled);
      g_clear_pointer (&self->cancelled, g_source_unref);
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  ferry_community_take_snapshot (self->community, now);
  ferry_job_set_progress (FERRY_JOB (self), self->n_checked + self->n_failed, self->order->len);
  ferry_job_set_eta (FERRY_JOB (self), 0);
  if (self->n_checked == 0 && self->first_error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&self->first_error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* The check is over (observed, or not to be): the member's result goes in at once. */
static void
check_done (Check *check)
{
  FerryMemberCheckJob *self = check->job;

  if (!check->failed)
    {
      FerryMemberState state;
      gint64 now = check->obs.time;

      check->obs.old_moved_to = check->moved_to;
      check->obs.old_last_status = check->last_status;
      state = ferry_member_observe (check->member, &check->obs,
                                    ferry_community_get_inactive_since (self->community));
      ferry_member_set_next_check (check->member, now + (ferry_member_state_is_settled (state) ?
                                                         RECHECK_SETTLED : RECHECK_MOVING));
      self->n_checked++;
      ferry_community_changed (self->community);
    }
  else
    self->n_failed++;
  self->active--;
  ferry_job_set_progress (FERRY_JOB (self), self->n_checked + self->n_failed, self->order->len);
  check_free (check);
}

static void
note_error (Check        *check,
            const GError *error)
{
  FerryMemberCheckJob *self = check->job;

  /* A lookup refused for the sign-in (GoToSocial's needs a token: gotosocial
   * internal/api/client/accounts/lookup.go) is refused for everyone: ask no more there. */
  if (check->lane != NULL && check->lane->refused == NULL &&
      (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH) ||
       g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN)))
    check->lane->refused = g_error_copy (error);
  check->failed = TRUE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->first_error == NULL)
    self->first_error = g_error_copy (error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("%s not checked: %s", ferry_member_get_old_address (check->member),
             error->message);
}

static void
enqueue (Check   *check,
         Lane    *lane)
{
  g_queue_push_tail (&lane->pending, check);
}

/* After the new account's lookup: only one that exists while the old one has not moved has its
 * actor read (is the old account among its aliases?). */
static void
next_after_new (Check *check)
{
  if (check->obs.new_found && check->moved_to == NULL && check->new_uri != NULL)
    {
      g_autofree char *host = host_of (check->new_address);

      check->step = STEP_ALIAS;
      enqueue (check, lane_for (check->job, host, TRUE));
      return;
    }
  check_done (check);
}

/* After the old account's lookup: where to ask next, if anywhere. */
static void
next_after_old (Check *check)
{
  FerryMemberCheckJob *self = check->job;
  const char *new_host = ferry_community_get_new_host (self->community);
  g_autofree char *moved_host = check->moved_to ? host_of (check->moved_to) : NULL;
  g_autofree char *host = NULL;

  if (!check->obs.old_found || check->obs.old_suspended)
    {
      check_done (check);
      return;
    }
  if (check->moved_to != NULL)
    {
      /* Moved elsewhere: scattered; its followers are not ours to count. */
      if (moved_host == NULL || g_ascii_strcasecmp (moved_host, new_host) != 0)
        {
          check_done (check);
          return;
        }
      g_free (check->new_address);
      check->new_address = g_strdup (check->moved_to);
    }
  host = check->new_address ? host_of (check->new_address) : NULL;
  if (host == NULL)
    {
      check_done (check);
      return;
    }
  check->step = STEP_NEW;
  enqueue (check, lane_for (self, host, FALSE));
}

static void
request_end (FerryMemberCheckJob *self)
{
  self->in_flight--;
  pump (self);
  g_object_unref (self);
}

static void
old_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Check *check = user_data;
  FerryMemberCheckJob *self = check->job;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityAccount) account =
    ferry_client_community_lookup_finish (FERRY_CLIENT (object), result, &error);

  if (account == NULL)
    {
      note_error (check, error);
      check_done (check);
    }
  else
    {
      check->obs.time = clock_now (self) / G_USEC_PER_SEC;
      check->obs.old_found = !account->gone;
      check->obs.old_gone = account->gone;
      check->obs.old_suspended = account->suspended;
      check->obs.old_followers = account->followers;
      check->moved_to = g_strdup (account->moved_to);
      check->last_status = g_strdup (account->last_status_at);
      next_after_old (check);
    }
  request_end (self);
}

static void
new_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Check *check = user_data;
  FerryMemberCheckJob *self = check->job;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityAccount) account =
    ferry_client_community_lookup_finish (FERRY_CLIENT (object), result, &error);

  if (account == NULL)
    {
      note_error (check, error);
      check_done (check);
    }
  else
    {
      check->obs.new_found = !account->gone && !account->suspended;
      check->obs.new_followers = account->gone ? -1 : account->followers;
      check->new_uri = g_strdup (account->uri);
      next_after_new (check);
    }
  request_end (self);
}

static void
alias_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Check *check = user_data;
  FerryMemberCheckJob *self = check->job;
  g_autoptr(GError) error = NULL;
  gboolean gone = FALSE;
  g_auto(GStrv) aliases =
    ferry_client_community_aliases_finish (FERRY_CLIENT (object), result, &gone, &error);

  if (aliases == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    note_error (check, error);
  else if (aliases != NULL)
    {
      g_autofree char *old_user = username_of (ferry_member_get_old_address (check->member));
      g_autofree char *old_host = host_of (ferry_member_get_old_address (check->member));

      /* The old actor's id: https://old/users/name on Mastodon, GoToSocial and Akkoma
       * (mastodon: app/lib/activitypub/tag_manager.rb uri_for; gotosocial:
       * internal/uris/uri.go GenerateURIForUser). */
      for (guint i = 0; aliases[i] != NULL && old_user != NULL; i++)
        {
          g_autoptr(GUri) uri = g_uri_parse (aliases[i], G_URI_FLAGS_NONE, NULL);
          g_autofree char *authority = NULL;
          const char *path = uri ? g_uri_get_path (uri) : NULL;
          const char *slash = path ? strrchr (path, '/') : NULL;

          if (uri == NULL || slash == NULL)
            continue;
          authority = g_uri_get_port (uri) > 0
                        ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
                        : g_strdup (g_uri_get_host (uri));
          if (g_ascii_strcasecmp (authority, old_host) == 0 &&
              g_ascii_strcasecmp (slash + 1, old_user) == 0)
            check->obs.new_has_alias = TRUE;
        }
    }
  /* An actor that cannot be read (authorized fetch) tells no alias: the account stands. */
  check_done (check);
  request_end (self);
}

static void
send (FerryMemberCheckJob *self,
      Lane                *lane,
      Check               *check)
{
  GCancellable *cancellable = ferry_job_get_cancellable (FERRY_JOB (self));
  g_autofree char *user = NULL;

  self->in_flight++;
  self->n_requests++;
  lane->n_requests++;
  check->lane = lane;
  g_object_ref (self);
  switch (check->step)
    {
    case STEP_OLD:
      user = username_of (ferry_member_get_old_address (check->member));
      ferry_client_community_lookup_async (lane->client, user, cancellable, old_cb, check);
      break;
    case STEP_NEW:
      user = username_of (check->new_address);
      ferry_client_community_lookup_async (lane->client, user, cancellable, new_cb, check);
      break;
    case STEP_ALIAS:
    default:
      ferry_client_community_aliases_async (lane->client, check->new_uri, cancellable,
                                            alias_cb, check);
      break;
    }
}

static void
start_check (FerryMemberCheckJob *self,
             FerryMember         *member)
{
  Check *check = g_new0 (Check, 1);
  g_autofree char *host = host_of (ferry_member_get_old_address (member));

  check->job = self;
  check->member = g_object_ref (member);
  check->step = STEP_OLD;
  check->obs.old_followers = -1;
  check->obs.new_followers = -1;
  check->new_address = g_strdup (ferry_member_get_new_address (member));
  self->active++;
  enqueue (check, lane_for (self, host ? host : ferry_community_get_old_host (self->community),
                            FALSE));
}

static void
update_plan (FerryMemberCheckJob *self,
             gint64               now)
{
  guint left = self->order->len - self->next + self->active;
  gint64 end = now + (gint64) left * self->interval + self->interval;

  self->planned_end = end / G_USEC_PER_SEC;
  ferry_job_set_eta (FERRY_JOB (self), (end - now) / G_USEC_PER_SEC);
}

static gboolean
timer_cb (gpointer user_data)
{
  FerryMemberCheckJob *self = user_data;

  self->timer_id = 0;
  pump (self);
  return G_SOURCE_REMOVE;
}

static void
resumed (FerryJob *job,
         gpointer  user_data)
{
  FerryMemberCheckJob *self = FERRY_MEMBER_CHECK_JOB (job);

  self->parked = FALSE;
  pump (self);
}

/* Sends what each lane's pace allows now, and sets up the wake for the next slot. */
static void
pump (FerryMemberCheckJob *self)
{
  GHashTableIter iter;
  Lane *lane;
  gint64 now;
  gint64 earliest = G_MAXINT64;
  gboolean sent = FALSE;
  gboolean dropped = FALSE;

  if (self->task == NULL)
    return;
  if (ferry_job_is_cancelled (FERRY_JOB (self)))
    {
      if (self->in_flight == 0)
        finish (self);
      return;
    }
  if (ferry_job_is_paused (FERRY_JOB (self)))
    {
      if (!self->parked)
        {
          self->parked = TRUE;
          ferry_job_when_running (FERRY_JOB (self), resumed, NULL);
        }
      return;
    }
  while (self->active < WINDOW && self->next < self->order->len)
    start_check (self, self->order->pdata[self->next++]);
  if (self->active == 0 && self->in_flight == 0)
    {
      finish (self);
      return;
    }

  now = clock_now (self);
  g_hash_table_iter_init (&iter, self->lanes);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &lane))
    while (!g_queue_is_empty (&lane->pending))
      {
        gint64 slot = lane->last_slot + self->interval;

        if (lane->refused != NULL)
          {
            Check *check = g_queue_pop_head (&lane->pending);

            check->lane = NULL;
            note_error (check, lane->refused);
            check_done (check);
            dropped = TRUE;
            continue;
          }

        if (slot > now)
          {
            earliest = MIN (earliest, slot);
            break;
          }
        /* A lane that stood still (a pause, a slow answer) gets no burst: its slot is never
         * more than one interval behind now. */
        lane->last_slot = MAX (slot, now - self->interval);
        if (!lane->documents)
          update_plan (self, now);
        send (self, lane, g_queue_pop_head (&lane->pending));
        sent = TRUE;
      }
  if (sent)
    ferry_job_set_running (FERRY_JOB (self));
  /* Checks ended without a request: the next members start (or the pass ends) from the main
   * loop, at once. */
  if (dropped && self->timer_id == 0)
    {
      self->timer_at = now;
      self->timer_id = g_idle_add (timer_cb, self);
      return;
    }
  if (earliest == G_MAXINT64)
    return;
  /* On a virtual clock time moves only while nothing is in flight. */
  if (self->advance_func != NULL && self->in_flight > 0)
    return;
  if (!sent)
    ferry_job_set_waiting (FERRY_JOB (self), g_get_real_time () + (earliest - now),
                           _("Pacing the checks within the servers’ limits"));
  if (self->timer_id != 0 && self->timer_at <= earliest)
    return;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_at = earliest;
  if (self->advance_func != NULL)
    {
      self->advance_func (earliest, self->clock_data);
      self->timer_id = g_idle_add (timer_cb, self);
    }
  else
    self->timer_id = g_timeout_add (MAX ((earliest - now) / 1000, 1), timer_cb, self);
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  FerryMemberCheckJob *self = user_data;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_pointer (&self->cancelled, g_source_unref);
  if (self->in_flight == 0)
    finish (self);
  return G_SOURCE_REMOVE;
}

static void
ferry_member_check_job_run_async (FerryJob            *job,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  FerryMemberCheckJob *self = FERRY_MEMBER_CHECK_JOB (job);
  gint64 now = clock_now (self);
  g_autoptr(GPtrArray) order = ferry_community_members_to_check (self->community,
                                                                 now / G_USEC_PER_SEC);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, ferry_member_check_job_run_async);
  self->cancelled = g_cancellable_source_new (cancellable);
  g_source_set_callback (self->cancelled, (GSourceFunc) cancelled_cb, self, NULL);
  g_source_attach (self->cancelled, g_main_context_get_thread_default ());

  g_ptr_array_set_size (self->order, 0);
  for (guint i = 0; i < order->len; i++)
    {
      FerryMember *member = order->pdata[i];

      if (self->only != NULL &&
          !g_strv_contains ((const char * const *) self->only,
                            ferry_member_get_old_address (member)))
        continue;
      g_ptr_array_add (self->order, g_object_ref (member));
    }
  self->next = self->n_checked = self->n_failed = self->n_requests = 0;
  update_plan (self, now);
  ferry_job_set_progress (job, 0, self->order->len);
  ferry_job_set_status (job, _("Checking where each member is"));
  /* From the main loop: a pass of nobody still ends after run_async returns. */
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_idle_add (timer_cb, self);
}

static gboolean
ferry_member_check_job_run_finish (FerryJob      *job,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_member_check_job_finalize (GObject *object)
{
  FerryMemberCheckJob *self = FERRY_MEMBER_CHECK_JOB (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->cancelled != NULL)
    {
      g_source_destroy (self->cancelled);
      g_clear_pointer (&self->cancelled, g_source_unref);
    }
  g_clear_object (&self->task);
  g_clear_object (&self->community);
  g_clear_object (&self->accounts);
  g_clear_object (&self->tls);
  g_clear_pointer (&self->only, g_strfreev);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_clear_pointer (&self->lanes, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_error (&self->first_error);

  G_OBJECT_CLASS (ferry_member_check_job_parent_class)->finalize (object);
}

static void
ferry_member_check_job_class_init (FerryMemberCheckJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FerryJobClass *job_class = FERRY_JOB_CLASS (klass);

  object_class->finalize = ferry_member_check_job_finalize;
  job_class->run_async = ferry_member_check_job_run_async;
  job_class->run_finish = ferry_member_check_job_run_finish;
}

static void
ferry_member_check_job_init (FerryMemberCheckJob *self)
{
  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) lane_free);
  self->order = g_ptr_array_new_with_free_func (g_object_unref);
  self->interval = (gint64) ceil ((double) DEFAULT_PERIOD * G_USEC_PER_SEC /
                                  (DEFAULT_LIMIT * FERRY_MEMBER_CHECK_BUDGET_SHARE));
}

/**
 * ferry_member_check_job_new:
 * @accounts: (nullable): the helper's accounts (their tokens go only to their own hosts)
 */
FerryMemberCheckJob *
ferry_member_check_job_new (FerryCommunity      *community,
                            FerryAccountManager *accounts)
{
  FerryMemberCheckJob *self;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);
  g_return_val_if_fail (accounts == NULL || FERRY_IS_ACCOUNT_MANAGER (accounts), NULL);

  self = g_object_new (FERRY_TYPE_MEMBER_CHECK_JOB, NULL);
  self->community = g_object_ref (community);
  self->accounts = accounts ? g_object_ref (accounts) : NULL;
  return self;
}

void
ferry_member_check_job_set_only (FerryMemberCheckJob *self,
                                 const char * const  *addresses)
{
  g_return_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self));

  g_clear_pointer (&self->only, g_strfreev);
  if (addresses == NULL)
    return;
  self->only = g_new0 (char *, g_strv_length ((char **) addresses) + 1);
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      g_autoptr(FerryHandle) handle = ferry_handle_parse (addresses[i],
                                                          FERRY_HANDLE_PARSE_DEFAULT, NULL);

      self->only[i] = handle ? ferry_handle_to_key (handle) : g_strdup (addresses[i]);
    }
}

void
ferry_member_check_job_set_tls_database (FerryMemberCheckJob *self,
                                         GTlsDatabase        *database)
{
  g_return_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self));

  g_set_object (&self->tls, database);
}

void
ferry_member_check_job_set_client (FerryMemberCheckJob *self,
                                   const char          *host,
                                   FerryClient         *client)
{
  g_return_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self));
  g_return_if_fail (FERRY_IS_CLIENT (client));
  g_return_if_fail (g_ascii_strcasecmp (ferry_client_get_host (client), host) == 0);

  g_hash_table_replace (self->clients, g_ascii_strdown (host, -1), g_object_ref (client));
}

void
ferry_member_check_job_set_clock (FerryMemberCheckJob     *self,
                                  FerryMemberCheckNow      now,
                                  FerryMemberCheckAdvance  advance,
                                  gpointer                 user_data)
{
  g_return_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self));

  self->now_func = now;
  self->advance_func = advance;
  self->clock_data = user_data;
}

FerryCommunity *
ferry_member_check_job_get_community (FerryMemberCheckJob *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self), NULL);
  return self->community;
}

gint64
ferry_member_check_job_get_planned_end (FerryMemberCheckJob *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self), 0);
  return self->planned_end;
}

guint
ferry_member_check_job_get_n_checked (FerryMemberCheckJob *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self), 0);
  return self->n_checked;
}

guint
ferry_member_check_job_get_n_failed (FerryMemberCheckJob *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self), 0);
  return self->n_failed;
}

guint
ferry_member_check_job_get_n_requests (FerryMemberCheckJob *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self), 0);
  return self->n_requests;
}

guint
ferry_member_check_job_get_n_requests_to (FerryMemberCheckJob *self,
                                          const char          *host)
{
  GHashTableIter iter;
  Lane *lane;
  guint n = 0;

  g_return_val_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self), 0);

  g_hash_table_iter_init (&iter, self->lanes);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &lane))
    if (g_ascii_strcasecmp (lane->host, host) == 0)
      n += lane->n_requests;
  return n;
}

double
ferry_member_check_job_get_interval (FerryMemberCheckJob *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER_CHECK_JOB (self), 0);
  return (double) self->interval / G_USEC_PER_SEC;
}
