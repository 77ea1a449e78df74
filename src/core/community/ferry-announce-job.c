/* ferry-announce-job.c: the community's posts, each once, each read back
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The community's posts are the journal. Before a post goes out it is recorded with its key
 * and no id; the answer adds the id. A run after a kill finds the posts already confirmed
 * (skipped), those with an id (read back only) and those with no id: the answer was lost, so
 * the post may be there. Mastodon answers a repeat of the key with the first post (an hour);
 * GoToSocial ignores the key (community-facts §3.4), so Ferry first looks for its own recent
 * post (or scheduled post) with the same text and only sends again when there is none.
 *
 * Every post is read back: Mastodon drops some posts silently while answering success (§8).
 * Scheduled posts are checked against the limits here before anything is sent (§3.2): a past
 * time (Mastodon posts it at once), less than 5 minutes ahead, a 26th on one UTC day, a 301st.
 */

#define G_LOG_DOMAIN "ferry-announce-job"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-announce-job.h"
#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-client-posting.h"

typedef struct
{
  FerryCommunityPostKind kind;
  char    *key;
  char    *text;
  char    *visibility;
  gint64   scheduled_at;
  gboolean pin;
} Item;

struct _FerryAnnounceJob
{
  FerryJob        parent_instance;

  FerryCommunity *community;     /* owned */
  FerryClient    *client;        /* owned */
  guint           pin_limit;
  GPtrArray      *plan;          /* Item*, owned */
  GTask          *task;          /* owned: the run */
  guint           index;
  char           *account_id;
  GPtrArray      *scheduled;     /* FerryPost*: the account's scheduled posts on the server */
  GPtrArray      *dropped;       /* char*: keys */
  GPtrArray      *unpin;         /* char*: addresses of pinned posts */
  guint           n_sent;
};

G_DEFINE_FINAL_TYPE (FerryAnnounceJob, ferry_announce_job, FERRY_TYPE_JOB)

static void next_item (FerryAnnounceJob *self);
static void read_back (FerryAnnounceJob *self);

static void
item_free (Item *item)
{
  g_free (item->key);
  g_free (item->text);
  g_free (item->visibility);
  g_free (item);
}

static Item *
current (FerryAnnounceJob *self)
{
  return g_ptr_array_index (self->plan, self->index);
}

static GCancellable *
cancellable (FerryAnnounceJob *self)
{
  return g_task_get_cancellable (self->task);
}

static gint64
server_now (FerryAnnounceJob *self)
{
  return ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (self->client));
}

static void
fail (FerryAnnounceJob *self,
      GError           *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_task_return_error (task, error);
}

/* Whitespace does not count: the server writes paragraphs as HTML. */
static gboolean
same_text (const char *a,
           const char *b)
{
  while (a != NULL && b != NULL)
    {
      while (*a != '\0' && g_ascii_isspace (*a))
        a++;
      while (*b != '\0' && g_ascii_isspace (*b))
        b++;
      if (*a == '\0' || *b == '\0')
        return *a == *b;
      if (*a != *b)
        return FALSE;
      a++;
      b++;
    }
  return FALSE;
}

static FerryCommunityPost *
journal (FerryAnnounceJob *self)
{
  return ferry_community_find_post (self->community, current (self)->key);
}

static void
save (FerryAnnounceJob   *self,
      FerryCommunityPost *post)
{
  /* Emits "changed": the store writes the journal. */
  ferry_community_put_post (self->community, post);
}

gboolean
ferry_announce_check_schedule (const gint64  *existing,
                               guint          n_existing,
                               const gint64  *planned,
                               guint          n_planned,
                               gint64         now,
                               GError       **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint total = n_existing + n_planned;

  for (guint i = 0; i < n_planned; i++)
    {
      if (planned[i] <= now)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("A reminder is planned for a time that has passed. Mastodon would "
                         "post it at once; choose a later time."));
          return FALSE;
        }
      if (planned[i] < now + FERRY_ANNOUNCE_MIN_LEAD + FERRY_ANNOUNCE_LEAD_MARGIN)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("A reminder is planned less than 6 minutes ahead. Servers take "
                         "scheduled posts only more than 5 minutes ahead."));
          return FALSE;
        }
    }
  if (total > FERRY_ANNOUNCE_TOTAL_LIMIT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("That would make %u scheduled posts; servers keep at most %u."), total,
                   FERRY_ANNOUNCE_TOTAL_LIMIT);
      return FALSE;
    }
  /* 25 per UTC date of scheduled_at (mastodon: scheduled_status.rb, scheduled_at::date). */
  g_array_set_size (keys, total);
  for (guint i = 0; i < total; i++)
    {
      gint64 at = i < n_existing ? existing[i] : planned[i - n_existing];
      gint64 *day = &g_array_index (keys, gint64, i);
      guint n;

      *day = at >= 0 ? at / 86400 : (at - 86399) / 86400;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (days, day)) + 1;
      g_hash_table_insert (days, day, GUINT_TO_POINTER (n));
      if (n > FERRY_ANNOUNCE_DAILY_LIMIT && i >= n_existing)
        {
          g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (*day * 86400);
          /* Translators: a date, as in "2026-12-17" */
          g_autofree char *text = g_date_time_format (date, _("%Y-%m-%d"));

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("That would make more than %u scheduled posts on %s (UTC); servers "
                         "take at most %u a day. Move some to another day."),
                       FERRY_ANNOUNCE_DAILY_LIMIT, text, FERRY_ANNOUNCE_DAILY_LIMIT);
          return FALSE;
        }
    }
  return TRUE;
}

static void
finish (FerryAnnounceJob *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  ferry_job_set_progress (FERRY_JOB (self), self->plan->len, self->plan->len);
  if (self->dropped->len > 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s answered that it took %u post, but it does not "
                                            "show it: the server dropped it (a spam filter may "
                                            "have caught a word or link in it).",
                                            "%s answered that it took %u posts, but it does not "
                                            "show them: the server dropped them (a spam filter "
                                            "may have caught a word or link in them).",
                                            self->dropped->len),
                               ferry_client_get_host (self->client), self->dropped->len);
      return;
    }
  if (self->unpin->len > 0)
    ferry_job_set_status (FERRY_JOB (self),
                          _("The announcement is posted but not pinned: the pins are full. "
                            "Unpin one of the pinned posts, then run again."));
  else
    ferry_job_set_status (FERRY_JOB (self), _("All posts went out and were read back."));
  g_task_return_boolean (task, TRUE);
}

static void
advance (FerryAnnounceJob *self)
{
  self->index++;
  next_item (self);
}

static void
pinned_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FerryAnnounceJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPost) answer = ferry_client_post_finish (FERRY_CLIENT (object), result, &error);
  FerryCommunityPost *post;

  if (answer == NULL)
    {
      /* A 422 is the limit, met between our look and the pin. */
      if (!g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID))
        {
          fail (self, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (self->unpin, g_strdup (_("(one of the pinned posts)")));
      advance (self);
      return;
    }
  post = journal (self);
  post->pinned = TRUE;
  save (self, post);
  advance (self);
}

static void
pinned_list_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FerryAnnounceJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pinned = ferry_client_posts_finish (FERRY_CLIENT (object), result, &error);
  FerryCommunityPost *post = journal (self);

  if (pinned == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < pinned->len; i++)
    if (g_strcmp0 (((FerryPost *) g_ptr_array_index (pinned, i))->id, post->status_id) == 0)
      {
        post->pinned = TRUE;
        save (self, post);
        advance (self);
        return;
      }
  /* Full: say which could make room, never unpin the helper's own choice for them. */
  if (pinned->len >= self->pin_limit)
    {
      for (guint i = 0; i < pinned->len; i++)
        {
          FerryPost *other = g_ptr_array_index (pinned, i);

          g_ptr_array_add (self->unpin, g_strdup (other->url ? other->url : other->id));
        }
      advance (self);
      return;
    }
  ferry_client_pin_status_async (self->client, post->status_id, TRUE, cancellable (self),
                                 pinned_cb, self);
}

static void
maybe_pin (FerryAnnounceJob *self)
{
  FerryCommunityPost *post = journal (self);

  if (!current (self)->pin || post == NULL || !post->confirmed || post->pinned ||
      post->status_id == NULL)
    {
      advance (self);
      return;
    }
  ferry_client_recent_posts_async (self->client, self->account_id, TRUE, cancellable (self),
                                   pinned_list_cb, self);
}

static void
confirmed (FerryAnnounceJob *self,
           FerryPost        *seen)
{
  FerryCommunityPost *post = journal (self);

  post->confirmed = TRUE;
  if (seen != NULL && !seen->scheduled)
    {
      g_free (post->status_id);
      post->status_id = g_strdup (seen->id);
      g_free (post->url);
      post->url = g_strdup (seen->url);
      post->pinned = post->pinned || seen->pinned;
      if (post->posted_at == 0)
        post->posted_at = server_now (self);
    }
  save (self, post);
  maybe_pin (self);
}

static void
dropped (FerryAnnounceJob *self)
{
  g_ptr_array_add (self->dropped, g_strdup (current (self)->key));
  advance (self);
}

static void
read_status_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FerryAnnounceJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPost) seen = ferry_client_post_finish (FERRY_CLIENT (object), result, &error);

  if (seen == NULL && g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    dropped (self);
  else if (seen == NULL)
    fail (self, g_steal_pointer (&error));
  else
    confirmed (self, seen);
}

/* A scheduled post no longer in the list: published since (find it among the recent posts),
 * or dropped. */
static void
published_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FerryAnnounceJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recent = ferry_client_posts_finish (FERRY_CLIENT (object), result, &error);
  Item *item = current (self);

  if (recent == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < recent->len; i++)
    {
      FerryPost *post = g_ptr_array_index (recent, i);

      if (same_text (post->text, item->text))
        {
          confirmed (self, post);
          return;
        }
    }
  dropped (self);
}

static void
scheduled_list_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  FerryAnnounceJob *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *scheduled = ferry_client_posts_finish (FERRY_CLIENT (object), result, &error);
  FerryCommunityPost *post = journal (self);

  if (scheduled == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&self->scheduled, g_ptr_array_unref);
  self->scheduled = scheduled;
  for (guint i = 0; i < scheduled->len; i++)
    if (g_strcmp0 (((FerryPost *) g_ptr_array_index (scheduled, i))->id, post->scheduled_id) == 0)
      {
        confirmed (self, NULL);
        return;
      }
  ferry_client_recent_posts_async (self->client, self->account_id, FALSE, cancellable (self),
                                   published_cb, self);
}

static void
read_back (FerryAnnounceJob *self)
{
  FerryCommunityPost *post = journal (self);

  ferry_job_set_status (FERRY_JOB (self), _("Reading the post back"));
  if (post->status_id != NULL)
    ferry_client_read_status_async (self->client, post->status_id, cancellable (self),
                                    read_status_cb, self);
  else
    ferry_client_list_scheduled_async (self->client, cancellable (self), scheduled_list_cb, self);
}

static void
posted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FerryAnnounceJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPost) answer = ferry_client_post_finish (FERRY_CLIENT (object), result, &error);
  FerryCommunityPost *post;

  if (answer == NULL)
    {
      /* The journal keeps the attempt: the next run looks before it sends again. */
      fail (self, g_steal_pointer (&error));
      return;
    }
  post = journal (self);
  if (answer->scheduled)
    post->scheduled_id = g_strdup (answer->id);
  else
    {
      post->status_id = g_strdup (answer->id);
      post->url = g_strdup (answer->url);
      post->posted_at = server_now (self);
    }
  save (self, post);
  read_back (self);
}

static void
send_post (FerryAnnounceJob *self)
{
  Item *item = current (self);
  FerryPostRequest request = {
    .text = item->text,
    .visibility = item->visibility,
    .scheduled_at = item->scheduled_at,
    .idempotency_key = item->key,
  };

  self->n_sent++;
  ferry_job_set_status (FERRY_JOB (self), item->scheduled_at ? _("Scheduling a reminder")
                                                             : _("Posting"));
  ferry_client_post_status_async (self->client, &request, cancellable (self), posted_cb, self);
}

/* An attempt whose answer was lost: is the post there? */
static void
recovered_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FerryAnnounceJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recent = ferry_client_posts_finish (FERRY_CLIENT (object), result, &error);
  FerryCommunityPost *post = journal (self);

  if (recent == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < recent->len; i++)
    {
      FerryPost *seen = g_ptr_array_index (recent, i);

      if (same_text (seen->text, post->text))
        {
          post->status_id = g_strdup (seen->id);
          post->url = g_strdup (seen->url);
          save (self, post);
          read_back (self);
          return;
        }
    }
  send_post (self);
}

static gboolean
adopt_scheduled (FerryAnnounceJob   *self,
                 FerryCommunityPost *post)
{
  for (guint i = 0; self->scheduled != NULL && i < self->scheduled->len; i++)
    {
      FerryPost *seen = g_ptr_array_index (self->scheduled, i);
      g_autoptr(GDateTime) at = seen->scheduled_at
                                  ? g_date_time_new_from_iso8601 (seen->scheduled_at, NULL)
                                  : NULL;

      if (at != NULL && g_date_time_to_unix (at) == post->scheduled_at &&
          same_text (seen->text, post->text))
        {
          post->scheduled_id = g_strdup (seen->id);
          return TRUE;
        }
    }
  return FALSE;
}

static void
item_resumed (FerryJob *job,
              gpointer  user_data)
{
  FerryAnnounceJob *self = FERRY_ANNOUNCE_JOB (job);
  Item *item;
  FerryCommunityPost *post;

  if (self->task == NULL)
    return;
  if (g_task_return_error_if_cancelled (self->task))
    {
      g_clear_object (&self->task);
      return;
    }
  ferry_job_set_running (job);
  item = current (self);
  post = journal (self);
  if (post != NULL && post->confirmed)
    {
      maybe_pin (self);
      return;
    }
  if (post != NULL && (post->status_id != NULL || post->scheduled_id != NULL))
    {
      read_back (self);
      return;
    }
  if (post != NULL)
    {
      if (item->scheduled_at == 0)
        ferry_client_recent_posts_async (self->client, self->account_id, FALSE,
                                         cancellable (self), recovered_cb, self);
      else
        send_post (self);
      return;
    }

  {
    FerryCommunityPost attempt = {
      .key = item->key,
      .kind = item->kind,
      .scheduled_at = item->scheduled_at,
      .text = item->text,
    };

    save (self, &attempt);
  }
  send_post (self);
}

static void
next_item (FerryAnnounceJob *self)
{
  ferry_job_set_progress (FERRY_JOB (self), self->index, self->plan->len);
  if (self->index >= self->plan->len)
    {
      finish (self);
      return;
    }
  ferry_job_when_running (FERRY_JOB (self), item_resumed, NULL);
}

/* Before anything goes out: attempts whose answer was lost found among the scheduled posts,
 * then the limits checked for everything still to schedule. */
static void
plan_scheduled_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  FerryAnnounceJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) existing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) planned = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->scheduled = ferry_client_posts_finish (FERRY_CLIENT (object), result, &error);
  if (self->scheduled == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < self->scheduled->len; i++)
    {
      FerryPost *seen = g_ptr_array_index (self->scheduled, i);
      g_autoptr(GDateTime) at = seen->scheduled_at
                                  ? g_date_time_new_from_iso8601 (seen->scheduled_at, NULL)
                                  : NULL;
      gint64 when = at ? g_date_time_to_unix (at) : 0;

      if (at != NULL)
        g_array_append_val (existing, when);
    }
  for (guint i = 0; i < self->plan->len; i++)
    {
      Item *item = g_ptr_array_index (self->plan, i);
      FerryCommunityPost *post = ferry_community_find_post (self->community, item->key);

      if (item->scheduled_at == 0)
        continue;
      if (post != NULL && post->scheduled_id == NULL && post->status_id == NULL &&
          adopt_scheduled (self, post))
        save (self, post);
      if (post == NULL || (post->scheduled_id == NULL && post->status_id == NULL))
        g_array_append_val (planned, item->scheduled_at);
    }
  if (!ferry_announce_check_schedule ((gint64 *) existing->data, existing->len,
                                      (gint64 *) planned->data, planned->len, server_now (self),
                                      &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  next_item (self);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerryAnnounceJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) me = ferry_client_verify_credentials_finish (FERRY_CLIENT (object),
                                                                      result, &error);

  if (me == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  self->account_id = g_strdup (ferry_account_get_id (me));
  ferry_client_list_scheduled_async (self->client, cancellable (self), plan_scheduled_cb, self);
}

static void
ferry_announce_job_run_async (FerryJob            *job,
                              GCancellable        *cancel,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  FerryAnnounceJob *self = FERRY_ANNOUNCE_JOB (job);

  self->task = g_task_new (self, cancel, callback, user_data);
  g_task_set_source_tag (self->task, ferry_announce_job_run_async);
  self->index = 0;
  self->n_sent = 0;
  g_ptr_array_set_size (self->dropped, 0);
  g_ptr_array_set_size (self->unpin, 0);
  g_clear_pointer (&self->scheduled, g_ptr_array_unref);
  ferry_job_set_status (job, _("Looking at the account’s posts"));
  ferry_client_verify_credentials_async (self->client, cancel, verified_cb, self);
}

static gboolean
ferry_announce_job_run_finish (FerryJob      *job,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_announce_job_dispose (GObject *object)
{
  FerryAnnounceJob *self = FERRY_ANNOUNCE_JOB (object);

  g_clear_object (&self->community);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (ferry_announce_job_parent_class)->dispose (object);
}

static void
ferry_announce_job_finalize (GObject *object)
{
  FerryAnnounceJob *self = FERRY_ANNOUNCE_JOB (object);

  g_ptr_array_unref (self->plan);
  g_ptr_array_unref (self->dropped);
  g_ptr_array_unref (self->unpin);
  g_clear_pointer (&self->scheduled, g_ptr_array_unref);
  g_free (self->account_id);
  G_OBJECT_CLASS (ferry_announce_job_parent_class)->finalize (object);
}

static void
ferry_announce_job_class_init (FerryAnnounceJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FerryJobClass *job_class = FERRY_JOB_CLASS (klass);

  object_class->dispose = ferry_announce_job_dispose;
  object_class->finalize = ferry_announce_job_finalize;
  job_class->run_async = ferry_announce_job_run_async;
  job_class->run_finish = ferry_announce_job_run_finish;
}

static void
ferry_announce_job_init (FerryAnnounceJob *self)
{
  self->pin_limit = 5;
  self->plan = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->dropped = g_ptr_array_new_with_free_func (g_free);
  self->unpin = g_ptr_array_new_with_free_func (g_free);
}

FerryAnnounceJob *
ferry_announce_job_new (FerryCommunity *community,
                        FerryClient    *client)
{
  FerryAnnounceJob *self;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);
  g_return_val_if_fail (FERRY_IS_CLIENT (client), NULL);

  self = g_object_new (FERRY_TYPE_ANNOUNCE_JOB, NULL);
  self->community = g_object_ref (community);
  self->client = g_object_ref (client);
  return self;
}

void
ferry_announce_job_set_pin_limit (FerryAnnounceJob *self,
                                  guint             limit)
{
  g_return_if_fail (FERRY_IS_ANNOUNCE_JOB (self));

  self->pin_limit = limit;
}

gboolean
ferry_announce_job_add (FerryAnnounceJob        *self,
                        FerryCommunityPostKind   kind,
                        const char              *key,
                        const char              *text,
                        const char              *visibility,
                        gint64                   scheduled_at,
                        gboolean                 pin,
                        gboolean                 reviewed,
                        GError                 **error)
{
  Item *item;

  g_return_val_if_fail (FERRY_IS_ANNOUNCE_JOB (self), FALSE);
  g_return_val_if_fail (key != NULL && text != NULL, FALSE);

  if (kind == FERRY_COMMUNITY_POST_MENTIONS && !reviewed)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Mentions go out only after the helper has read each post."));
      return FALSE;
    }
  if (visibility == NULL)
    visibility = "public";
  if (!g_str_equal (visibility, "public") && !g_str_equal (visibility, "unlisted"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Community posts are public or unlisted, never private messages."));
      return FALSE;
    }
  item = g_new0 (Item, 1);
  item->kind = kind;
  item->key = g_strdup (key);
  item->text = g_strdup (text);
  item->visibility = g_strdup (visibility);
  item->scheduled_at = scheduled_at;
  item->pin = pin && scheduled_at == 0;
  g_ptr_array_add (self->plan, item);
  return TRUE;
}

GPtrArray *
ferry_announce_job_get_dropped (FerryAnnounceJob *self)
{
  g_return_val_if_fail (FERRY_IS_ANNOUNCE_JOB (self), NULL);

  return self->dropped;
}

GPtrArray *
ferry_announce_job_get_unpin_candidates (FerryAnnounceJob *self)
{
  g_return_val_if_fail (FERRY_IS_ANNOUNCE_JOB (self), NULL);

  return self->unpin;
}

guint
ferry_announce_job_get_n_sent (FerryAnnounceJob *self)
{
  g_return_val_if_fail (FERRY_IS_ANNOUNCE_JOB (self), 0);

  return self->n_sent;
}
