/* ferry-shared-list-job.c: the moved members, followed then listed, then read back
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mastodon lists are private to their owner (community-facts §0.2): this list is for the
 * helper. Members find each other through the lists.csv instead (ferry-community-export.h).
 * Ids are local to the list's server: a member there is looked up, a member elsewhere is
 * resolved (search with resolve). Mastodon and GoToSocial add only followed accounts (§4.1,
 * §4.3), so the follows come first, paced like the transfer's day plan: at most 400 a day on
 * Mastodon, waiting for the next day when they are spent. Akkoma needs no follow, skips what it
 * does not know and answers {} (§4.3): the list is read back on every server.
 */

#define G_LOG_DOMAIN "ferry-shared-list-job"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-client-actions.h"
#include "ferry-client-collections.h"
#include "ferry-client-search.h"
#include "ferry-handle.h"
#include "ferry-shared-list-job.h"

#define DAY (24 * 3600)

struct _FerrySharedListJob
{
  FerryJob        parent_instance;

  FerryCommunity *community;     /* owned */
  FerryClient    *client;        /* owned */
  char           *software;
  char           *title;
  gboolean        needs_follow;
  guint           per_day;       /* 0: no daily limit */
  GTask          *task;          /* owned: the run */
  GPtrArray      *members;       /* FerryMember*, owned refs: the moved ones */
  GPtrArray      *ids;           /* char*: their ids on the list's server (NULL: not found) */
  guint           index;
  gint64          window_start;
  guint           in_window;
  guint           n_follows;
  char           *list_id;
  guint           batch;
  guint           n_listed;
  GPtrArray      *missing;       /* char*: new addresses */
  GHashTable     *already;       /* acct keys in the list when the run began */
};

G_DEFINE_FINAL_TYPE (FerrySharedListJob, ferry_shared_list_job, FERRY_TYPE_JOB)

static void resolve_next (FerrySharedListJob *self);
static void add_next (FerrySharedListJob *self);

guint
ferry_shared_list_job_plan_days (guint n_follows,
                                 guint per_day)
{
  if (per_day == 0 || n_follows == 0)
    return 1;
  return (n_follows + per_day - 1) / per_day;
}

static GCancellable *
cancellable (FerrySharedListJob *self)
{
  return g_task_get_cancellable (self->task);
}

static void
fail (FerrySharedListJob *self,
      GError             *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_task_return_error (task, error);
}

static gint64
server_now (FerrySharedListJob *self)
{
  return ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (self->client));
}

/* user@host as this server writes it: "user" for its own accounts. */
static char *
acct_key (FerrySharedListJob *self,
          const char         *address)
{
  return ferry_handle_acct_key (address, ferry_client_get_host (self->client));
}

static void
read_back_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FerrySharedListJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = ferry_client_list_all_finish (FERRY_CLIENT (object), result,
                                                                &error);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GTask) task = NULL;

  if (accounts == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    g_hash_table_add (listed, acct_key (self, ferry_account_get_acct (g_ptr_array_index (accounts,
                                                                                       i))));
  self->n_listed = 0;
  for (guint i = 0; i < self->members->len; i++)
    {
      const char *address = ferry_member_get_new_address (g_ptr_array_index (self->members, i));
      g_autofree char *key = acct_key (self, address);

      if (g_hash_table_contains (listed, key))
        self->n_listed++;
      else
        g_ptr_array_add (self->missing, g_strdup (address));
    }
  task = g_steal_pointer (&self->task);
  ferry_job_set_progress (FERRY_JOB (self), self->members->len, self->members->len);
  if (self->missing->len > 0)
    ferry_job_set_status (FERRY_JOB (self),
                          _("Some moved members are not in the list: the server did not add "
                            "them."));
  else
    ferry_job_set_status (FERRY_JOB (self), _("The list holds every moved member."));
  g_task_return_boolean (task, TRUE);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FerrySharedListJob *self = user_data;
  g_autoptr(GError) error = NULL;

  /* A refused batch (not followed yet, a bad id) is seen in the read-back. */
  if (!ferry_client_action_finish (FERRY_CLIENT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    g_debug ("A batch was refused: %s", error->message);
  add_next (self);
}

static void
add_next (FerrySharedListJob *self)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();

  while (self->batch < self->ids->len && batch->len < FERRY_SHARED_LIST_BATCH)
    {
      const char *id = g_ptr_array_index (self->ids, self->batch++);

      if (id != NULL)
        g_ptr_array_add (batch, (gpointer) id);
    }
  if (batch->len == 0)
    {
      ferry_job_set_status (FERRY_JOB (self), _("Reading the list back"));
      ferry_client_list_all_async (self->client, FERRY_COLLECTION_LIST_MEMBERS, self->list_id, 0,
                                   cancellable (self), read_back_cb, self);
      return;
    }
  g_ptr_array_add (batch, NULL);
  ferry_client_add_to_list_async (self->client, self->list_id,
                                  (const char * const *) batch->pdata, cancellable (self),
                                  added_cb, self);
}

static void
list_made_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FerrySharedListJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryList) list = ferry_client_create_list_finish (FERRY_CLIENT (object), result,
                                                              &error);

  if (list == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  self->list_id = g_strdup (ferry_list_get_id (list));
  self->batch = 0;
  add_next (self);
}

static void
already_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FerrySharedListJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = ferry_client_list_all_finish (FERRY_CLIENT (object), result,
                                                                &error);

  if (accounts == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    g_hash_table_add (self->already,
                      acct_key (self, ferry_account_get_acct (g_ptr_array_index (accounts, i))));
  resolve_next (self);
}

static void
lists_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FerrySharedListJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = ferry_client_list_all_finish (FERRY_CLIENT (object), result,
                                                             &error);

  if (lists == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  /* The list of an earlier run is used again, not made twice; who is in it is not sent again. */
  for (guint i = 0; i < lists->len; i++)
    if (g_strcmp0 (ferry_list_get_title (g_ptr_array_index (lists, i)), self->title) == 0)
      {
        self->list_id = g_strdup (ferry_list_get_id (g_ptr_array_index (lists, i)));
        ferry_client_list_all_async (self->client, FERRY_COLLECTION_LIST_MEMBERS, self->list_id,
                                     0, cancellable (self), already_cb, self);
        return;
      }
  resolve_next (self);
}

static void
advance (FerrySharedListJob *self)
{
  self->index++;
  ferry_job_set_progress (FERRY_JOB (self), self->index, self->members->len);
  resolve_next (self);
}

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerrySharedListJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryRelationship) relationship =
    ferry_client_account_action_finish (FERRY_CLIENT (object), result, &error);

  if (relationship == NULL)
    {
      /* Spent for today after all (follows made elsewhere): wait for the next day. */
      if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_RATE_LIMITED))
        self->in_window = MAX (self->in_window, self->per_day);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Not followed: %s", error->message);
          g_clear_pointer (&self->ids->pdata[self->index], g_free);
          advance (self);
          return;
        }
      else
        {
          fail (self, g_steal_pointer (&error));
          return;
        }
      resolve_next (self);
      return;
    }
  self->n_follows++;
  self->in_window++;
  advance (self);
}

static void
slept_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FerrySharedListJob *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_client_sleep_finish (FERRY_CLIENT (object), result, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  self->window_start = server_now (self);
  self->in_window = 0;
  ferry_job_set_running (FERRY_JOB (self));
  resolve_next (self);
}

static void
follow (FerrySharedListJob *self)
{
  const char *id = g_ptr_array_index (self->ids, self->index);
  FerryFollowOptions options = { .reblogs = TRUE };

  if (self->window_start == 0 || server_now (self) - self->window_start >= DAY)
    {
      self->window_start = server_now (self);
      self->in_window = 0;
    }
  if (self->per_day > 0 && self->in_window >= self->per_day)
    {
      gint64 wait = self->window_start + DAY - server_now (self);

      ferry_job_set_waiting (FERRY_JOB (self), g_get_real_time () + wait * G_USEC_PER_SEC,
                             _("Waiting for tomorrow’s follows"));
      ferry_client_sleep_async (self->client, wait, cancellable (self), slept_cb, self);
      return;
    }
  ferry_client_follow_async (self->client, id, &options, cancellable (self), followed_cb, self);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FerrySharedListJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account = NULL;
  const char *address = ferry_member_get_new_address (g_ptr_array_index (self->members,
                                                                         self->index));

  if (g_task_get_source_tag (G_TASK (result)) == ferry_client_resolve_async)
    {
      g_autoptr(GPtrArray) found = ferry_client_resolve_finish (FERRY_CLIENT (object), result,
                                                                &error);

      for (guint i = 0; found != NULL && i < found->len && account == NULL; i++)
        if (ferry_handle_acct_equal (ferry_account_get_acct (g_ptr_array_index (found, i)),
                                     address))
          account = g_object_ref (g_ptr_array_index (found, i));
    }
  else
    account = ferry_client_lookup_account_finish (FERRY_CLIENT (object), result, &error);

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  if (account == NULL)
    {
      advance (self);
      return;
    }
  g_ptr_array_index (self->ids, self->index) = g_strdup (ferry_account_get_id (account));
  if (self->needs_follow)
    follow (self);
  else
    advance (self);
}

static void
resolve_next (FerrySharedListJob *self)
{
  const char *address;
  const char *at;

  if (self->index >= self->members->len)
    {
      self->batch = 0;
      if (self->list_id != NULL)
        {
          add_next (self);
          return;
        }
      ferry_job_set_status (FERRY_JOB (self), _("Making the list"));
      ferry_client_create_list_async (self->client, self->title, "list", FALSE,
                                      cancellable (self), list_made_cb, self);
      return;
    }
  if (g_ptr_array_index (self->ids, self->index) != NULL)
    {
      if (self->needs_follow)
        follow (self);
      else
        advance (self);
      return;
    }
  address = ferry_member_get_new_address (g_ptr_array_index (self->members, self->index));
  /* In the list from an earlier run: followed and added then; nothing to send. */
  {
    g_autofree char *key = acct_key (self, address);

    if (g_hash_table_contains (self->already, key))
      {
        advance (self);
        return;
      }
  }
  at = strrchr (address, '@');
  ferry_job_set_status (FERRY_JOB (self), _("Finding the moved members"));
  if (at != NULL && g_ascii_strcasecmp (at + 1, ferry_client_get_host (self->client)) == 0)
    {
      g_autofree char *user = g_strndup (address, at - address);

      ferry_client_lookup_account_async (self->client, user, cancellable (self), found_cb, self);
    }
  else
    ferry_client_resolve_async (self->client, address, FERRY_SEARCH_ACCOUNTS, 5,
                                cancellable (self), found_cb, self);
}

static void
ferry_shared_list_job_run_async (FerryJob            *job,
                                 GCancellable        *cancel,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  FerrySharedListJob *self = FERRY_SHARED_LIST_JOB (job);

  self->task = g_task_new (self, cancel, callback, user_data);
  g_task_set_source_tag (self->task, ferry_shared_list_job_run_async);
  g_ptr_array_set_size (self->members, 0);
  g_ptr_array_set_size (self->ids, 0);
  g_ptr_array_set_size (self->missing, 0);
  for (guint i = 0; i < ferry_community_get_n_members (self->community); i++)
    {
      FerryMember *member = ferry_community_get_member (self->community, i);

      if (ferry_member_state_is_moved (ferry_member_get_state (member)) &&
          ferry_member_get_new_address (member) != NULL)
        {
          g_ptr_array_add (self->members, g_object_ref (member));
          g_ptr_array_add (self->ids, NULL);
        }
    }
  self->index = 0;
  g_clear_pointer (&self->list_id, g_free);
  g_hash_table_remove_all (self->already);
  ferry_job_set_progress (job, 0, self->members->len);
  ferry_job_set_status (job, _("Looking for the list"));
  ferry_client_list_all_async (self->client, FERRY_COLLECTION_LISTS, NULL, 0, cancel, lists_cb,
                               self);
}

static gboolean
ferry_shared_list_job_run_finish (FerryJob      *job,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_shared_list_job_dispose (GObject *object)
{
  FerrySharedListJob *self = FERRY_SHARED_LIST_JOB (object);

  g_clear_object (&self->community);
  g_clear_object (&self->client);
  g_ptr_array_set_size (self->members, 0);
  G_OBJECT_CLASS (ferry_shared_list_job_parent_class)->dispose (object);
}

static void
ferry_shared_list_job_finalize (GObject *object)
{
  FerrySharedListJob *self = FERRY_SHARED_LIST_JOB (object);

  g_ptr_array_unref (self->members);
  g_ptr_array_unref (self->ids);
  g_ptr_array_unref (self->missing);
  g_hash_table_unref (self->already);
  g_free (self->software);
  g_free (self->title);
  g_free (self->list_id);
  G_OBJECT_CLASS (ferry_shared_list_job_parent_class)->finalize (object);
}

static void
ferry_shared_list_job_class_init (FerrySharedListJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FerryJobClass *job_class = FERRY_JOB_CLASS (klass);

  object_class->dispose = ferry_shared_list_job_dispose;
  object_class->finalize = ferry_shared_list_job_finalize;
  job_class->run_async = ferry_shared_list_job_run_async;
  job_class->run_finish = ferry_shared_list_job_run_finish;
}

static void
ferry_shared_list_job_init (FerrySharedListJob *self)
{
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->missing = g_ptr_array_new_with_free_func (g_free);
  self->already = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

FerrySharedListJob *
ferry_shared_list_job_new (FerryCommunity *community,
                           FerryClient    *client,
                           const char     *software,
                           const char     *title)
{
  FerrySharedListJob *self;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);
  g_return_val_if_fail (FERRY_IS_CLIENT (client), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (FERRY_TYPE_SHARED_LIST_JOB, NULL);
  self->community = g_object_ref (community);
  self->client = g_object_ref (client);
  self->software = g_strdup (software ? software : "mastodon");
  self->title = g_strdup (title);
  /* Pleroma and Akkoma list anyone (community-facts §4.3). */
  self->needs_follow = !g_str_equal (self->software, "akkoma") &&
                       !g_str_equal (self->software, "pleroma");
  self->per_day = g_str_equal (self->software, "mastodon") ? FERRY_SHARED_LIST_FOLLOWS_PER_DAY
                                                           : 0;
  return self;
}

void
ferry_shared_list_job_set_follows_per_day (FerrySharedListJob *self,
                                           guint               limit)
{
  g_return_if_fail (FERRY_IS_SHARED_LIST_JOB (self));

  self->per_day = limit;
}

const char *
ferry_shared_list_job_get_list_id (FerrySharedListJob *self)
{
  g_return_val_if_fail (FERRY_IS_SHARED_LIST_JOB (self), NULL);

  return self->list_id;
}

guint
ferry_shared_list_job_get_n_listed (FerrySharedListJob *self)
{
  g_return_val_if_fail (FERRY_IS_SHARED_LIST_JOB (self), 0);

  return self->n_listed;
}

GPtrArray *
ferry_shared_list_job_get_missing (FerrySharedListJob *self)
{
  g_return_val_if_fail (FERRY_IS_SHARED_LIST_JOB (self), NULL);

  return self->missing;
}

guint
ferry_shared_list_job_get_n_follows (FerrySharedListJob *self)
{
  g_return_val_if_fail (FERRY_IS_SHARED_LIST_JOB (self), 0);

  return self->n_follows;
}
