/* ferry-roster-job.c: builds a community's roster from the servers, with each baseline
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sources are read one after the other, each a listing of the old server (community-facts
 * §1, §9): the admin accounts list (complete, needs the right and the scope), the profile
 * directory (only who opted in, never moved accounts), the followers of the community
 * account, a list the helper owns. Each account of the old server found goes into the roster
 * with its source; its baseline (followers, following, posts, last post) comes from the
 * listing when it shows one, or from one lookup on the old server when it does not (Akkoma's
 * admin list). A source that cannot be read is skipped with its reason; the job fails only
 * when none could be. Accounts on other servers (a follower elsewhere) are not members of the
 * old server's community and are left out.
 */

#define G_LOG_DOMAIN "ferry-community"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-client-community.h"
#include "ferry-handle.h"
#include "ferry-roster-job.h"

struct _FerryRosterJob
{
  FerryJob             parent_instance;

  FerryCommunity      *community;   /* owned */
  FerryAccountManager *accounts;    /* owned, nullable */
  FerryMemberSource    sources;
  FerryMemberSource    todo;
  FerryMemberSource    current;
  char                *list_id;
  FerryClient         *client;      /* owned: the helper's old account's, or NULL */
  FerryClient         *public;      /* owned: the old server without a token */
  GTlsDatabase        *tls;         /* owned, nullable */
  GPtrArray           *problems;    /* char* */
  GPtrArray           *no_baseline; /* FerryMember* (owned refs) to look up */
  guint                n_read;      /* sources read */
  guint                n_found;
  guint                n_added;
  guint                n_looked_up;
  GError              *first_error;
  GTask               *task;
};

G_DEFINE_FINAL_TYPE (FerryRosterJob, ferry_roster_job, FERRY_TYPE_JOB)

static void next_source (FerryRosterJob *self);

static gboolean
stopped (FerryRosterJob *self)
{
  if (!g_task_return_error_if_cancelled (self->task))
    return FALSE;
  g_clear_object (&self->task);
  return TRUE;
}

static FerryClient *
helper_client (FerryRosterJob *self)
{
  FerryClient *client = self->client;

  if (client == NULL && self->accounts != NULL)
    client = ferry_account_manager_get_client (self->accounts, FERRY_ROLE_OLD);
  /* The token goes only to its own host. */
  if (client != NULL &&
      g_ascii_strcasecmp (ferry_client_get_host (client),
                          ferry_community_get_old_host (self->community)) != 0)
    return NULL;
  return client;
}

static FerryClient *
public_client (FerryRosterJob *self)
{
  if (self->public == NULL)
    {
      g_autofree char *base = g_strdup_printf ("https://%s",
                                               ferry_community_get_old_host (self->community));
      GTlsDatabase *tls = self->tls;

      if (tls == NULL && self->accounts != NULL)
        tls = ferry_account_manager_get_tls_database (self->accounts);
      if (tls == NULL && self->client != NULL)
        tls = ferry_client_get_tls_database (self->client);
      self->public = ferry_client_new (base, tls);
    }
  return self->public;
}

static void
problem (FerryRosterJob *self,
         const GError   *error)
{
  g_ptr_array_add (self->problems, g_strdup (error->message));
  if (self->first_error == NULL)
    self->first_error = g_error_copy (error);
}

static void
add_found (FerryRosterJob *self,
           GPtrArray      *accounts)
{
  const char *old_host = ferry_community_get_old_host (self->community);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < accounts->len; i++)
    {
      FerryCommunityAccount *account = accounts->pdata[i];
      g_autoptr(FerryHandle) handle = ferry_handle_parse (account->address,
                                                          FERRY_HANDLE_PARSE_DEFAULT, NULL);
      guint before = ferry_community_get_n_members (self->community);
      FerryMember *member;

      if (handle == NULL || g_ascii_strcasecmp (handle->host, old_host) != 0)
        continue;
      member = ferry_community_add_member (self->community, account->address, self->current,
                                           NULL);
      if (member == NULL)
        continue;
      self->n_found++;
      if (ferry_community_get_n_members (self->community) > before)
        self->n_added++;
      if (account->display_name != NULL && account->display_name[0] != '\0' &&
          ferry_member_get_display_name (member) == NULL)
        ferry_member_set_display_name (member, account->display_name);
      if (ferry_member_has_baseline (member))
        continue;
      if (account->followers >= 0)
        ferry_member_set_baseline (member, account->followers, account->following,
                                   account->statuses, account->last_status_at, now);
      else if (!g_ptr_array_find (self->no_baseline, member, NULL))
        g_ptr_array_add (self->no_baseline, g_object_ref (member));
    }
  self->n_read++;
  ferry_job_set_progress (FERRY_JOB (self), self->n_found, -1);
  ferry_community_changed (self->community);
}

static void
listing_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FerryRosterJob) self = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  if (self->current == FERRY_MEMBER_SOURCE_ADMIN)
    accounts = ferry_client_community_admin_accounts_finish (client, result, &error);
  else if (self->current == FERRY_MEMBER_SOURCE_DIRECTORY)
    accounts = ferry_client_community_directory_finish (client, result, &error);
  else if (self->current == FERRY_MEMBER_SOURCE_FOLLOWERS)
    accounts = ferry_client_community_followers_finish (client, result, &error);
  else
    accounts = ferry_client_community_list_accounts_finish (client, result, &error);
  if (stopped (self))
    return;
  if (accounts == NULL)
    problem (self, error);
  else
    add_found (self, accounts);
  next_source (self);
}

static void
community_account_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(FerryRosterJob) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityAccount) account =
    ferry_client_community_lookup_finish (FERRY_CLIENT (object), result, &error);

  if (stopped (self))
    return;
  if (account != NULL && account->gone)
    g_set_error (&error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND,
                 _("The community account %s is not on its server."),
                 ferry_community_get_community_account (self->community));
  if (account == NULL || account->gone)
    {
      problem (self, error);
      next_source (self);
      return;
    }
  ferry_client_community_followers_async (FERRY_CLIENT (object), account->id,
                                          ferry_job_get_cancellable (FERRY_JOB (self)),
                                          listing_cb, g_object_ref (self));
}

static void
no_right (FerryRosterJob *self,
          const char     *what)
{
  g_autoptr(GError) error = NULL;

  g_set_error (&error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH,
               _("Reading %s needs your account on %s to be signed in."), what,
               ferry_community_get_old_host (self->community));
  problem (self, error);
}

static void
baseline_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data);

static void
next_baseline (FerryRosterJob *self)
{
  FerryMember *member;
  g_autoptr(FerryHandle) handle = NULL;
  FerryClient *client;

  if (self->no_baseline->len == 0)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      if (self->n_read == 0 && self->first_error != NULL)
        g_task_return_error (task, g_steal_pointer (&self->first_error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  member = self->no_baseline->pdata[self->no_baseline->len - 1];
  handle = ferry_handle_parse (ferry_member_get_old_address (member),
                               FERRY_HANDLE_PARSE_DEFAULT, NULL);
  client = helper_client (self) ? helper_client (self) : public_client (self);
  ferry_job_set_status (FERRY_JOB (self), _("Recording each member’s followers"));
  ferry_client_community_lookup_async (client, handle->username,
                                       ferry_job_get_cancellable (FERRY_JOB (self)),
                                       baseline_cb, g_object_ref (self));
}

static void
baseline_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FerryRosterJob) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryCommunityAccount) account =
    ferry_client_community_lookup_finish (FERRY_CLIENT (object), result, &error);
  g_autoptr(FerryMember) member = g_ptr_array_steal_index (self->no_baseline,
                                                           self->no_baseline->len - 1);

  if (stopped (self))
    return;
  if (account != NULL && !account->gone && account->followers >= 0)
    {
      ferry_member_set_baseline (member, account->followers, account->following,
                                 account->statuses, account->last_status_at,
                                 g_get_real_time () / G_USEC_PER_SEC);
      self->n_looked_up++;
      ferry_community_changed (self->community);
    }
  else if (account == NULL)
    g_debug ("No baseline for %s: %s", ferry_member_get_old_address (member), error->message);
  next_baseline (self);
}

static void
next_source (FerryRosterJob *self)
{
  const FerryMemberSource order[] = {
    FERRY_MEMBER_SOURCE_ADMIN, FERRY_MEMBER_SOURCE_DIRECTORY, FERRY_MEMBER_SOURCE_FOLLOWERS,
    FERRY_MEMBER_SOURCE_LIST,
  };
  GCancellable *cancellable = ferry_job_get_cancellable (FERRY_JOB (self));
  FerryClient *client = helper_client (self);

  self->current = FERRY_MEMBER_SOURCE_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (self->todo & order[i])
      {
        self->current = order[i];
        self->todo &= ~order[i];
        break;
      }
  switch (self->current)
    {
    case FERRY_MEMBER_SOURCE_NONE:
      next_baseline (self);
      break;
    case FERRY_MEMBER_SOURCE_ADMIN:
      ferry_job_set_status (FERRY_JOB (self), _("Reading the server’s accounts"));
      if (client == NULL)
        {
          no_right (self, _("the server’s accounts"));
          next_source (self);
          return;
        }
      ferry_client_community_admin_accounts_async (client, FERRY_ADMIN_MASTODON_V2, cancellable,
                                                   listing_cb, g_object_ref (self));
      break;
    case FERRY_MEMBER_SOURCE_DIRECTORY:
      /* Without the token: what anyone sees (with one, the helper's blocks are left out). */
      ferry_job_set_status (FERRY_JOB (self), _("Reading the profile directory"));
      ferry_client_community_directory_async (public_client (self), 0, cancellable, listing_cb,
                                              g_object_ref (self));
      break;
    case FERRY_MEMBER_SOURCE_FOLLOWERS:
      {
        const char *address = ferry_community_get_community_account (self->community);
        g_autoptr(FerryHandle) handle =
          address ? ferry_handle_parse (address, FERRY_HANDLE_PARSE_DEFAULT, NULL) : NULL;
        g_autoptr(GError) error = NULL;

        ferry_job_set_status (FERRY_JOB (self), _("Reading the community account’s followers"));
        if (handle == NULL ||
            g_ascii_strcasecmp (handle->host, ferry_community_get_old_host (self->community)))
          {
            g_set_error (&error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID,
                         _("The community has no account on %s whose followers are its "
                           "members."), ferry_community_get_old_host (self->community));
            problem (self, error);
            next_source (self);
            return;
          }
        ferry_client_community_lookup_async (client ? client : public_client (self),
                                             handle->username, cancellable,
                                             community_account_cb, g_object_ref (self));
      }
      break;
    case FERRY_MEMBER_SOURCE_LIST:
    case FERRY_MEMBER_SOURCE_PASTED:
    case FERRY_MEMBER_SOURCE_CSV:
    case FERRY_MEMBER_SOURCE_MANUAL:
    default:
      ferry_job_set_status (FERRY_JOB (self), _("Reading your list"));
      if (client == NULL || self->list_id == NULL)
        {
          no_right (self, _("your list"));
          next_source (self);
          return;
        }
      ferry_client_community_list_accounts_async (client, self->list_id, cancellable,
                                                  listing_cb, g_object_ref (self));
      break;
    }
}

static void
ferry_roster_job_run_async (FerryJob            *job,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  FerryRosterJob *self = FERRY_ROSTER_JOB (job);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, ferry_roster_job_run_async);
  self->todo = self->sources;
  self->n_read = self->n_found = self->n_added = self->n_looked_up = 0;
  g_ptr_array_set_size (self->problems, 0);
  ferry_job_set_progress (job, 0, -1);
  next_source (self);
}

static gboolean
ferry_roster_job_run_finish (FerryJob      *job,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_roster_job_finalize (GObject *object)
{
  FerryRosterJob *self = FERRY_ROSTER_JOB (object);

  g_clear_object (&self->task);
  g_clear_object (&self->community);
  g_clear_object (&self->accounts);
  g_clear_object (&self->client);
  g_clear_object (&self->public);
  g_clear_object (&self->tls);
  g_clear_pointer (&self->list_id, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->no_baseline, g_ptr_array_unref);
  g_clear_error (&self->first_error);

  G_OBJECT_CLASS (ferry_roster_job_parent_class)->finalize (object);
}

static void
ferry_roster_job_class_init (FerryRosterJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FerryJobClass *job_class = FERRY_JOB_CLASS (klass);

  object_class->finalize = ferry_roster_job_finalize;
  job_class->run_async = ferry_roster_job_run_async;
  job_class->run_finish = ferry_roster_job_run_finish;
}

static void
ferry_roster_job_init (FerryRosterJob *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->no_baseline = g_ptr_array_new_with_free_func (g_object_unref);
}

FerryRosterJob *
ferry_roster_job_new (FerryCommunity      *community,
                      FerryAccountManager *accounts,
                      FerryMemberSource    sources)
{
  FerryRosterJob *self;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);
  g_return_val_if_fail (accounts == NULL || FERRY_IS_ACCOUNT_MANAGER (accounts), NULL);

  self = g_object_new (FERRY_TYPE_ROSTER_JOB, NULL);
  self->community = g_object_ref (community);
  self->accounts = accounts ? g_object_ref (accounts) : NULL;
  self->sources = sources & (FERRY_MEMBER_SOURCE_ADMIN | FERRY_MEMBER_SOURCE_DIRECTORY |
                             FERRY_MEMBER_SOURCE_FOLLOWERS | FERRY_MEMBER_SOURCE_LIST);
  return self;
}

void
ferry_roster_job_set_list_id (FerryRosterJob *self,
                              const char     *list_id)
{
  g_return_if_fail (FERRY_IS_ROSTER_JOB (self));

  g_free (self->list_id);
  self->list_id = g_strdup (list_id);
}

void
ferry_roster_job_set_client (FerryRosterJob *self,
                             FerryClient    *client)
{
  g_return_if_fail (FERRY_IS_ROSTER_JOB (self));

  g_set_object (&self->client, client);
}

void
ferry_roster_job_set_tls_database (FerryRosterJob *self,
                                   GTlsDatabase   *database)
{
  g_return_if_fail (FERRY_IS_ROSTER_JOB (self));

  g_set_object (&self->tls, database);
}

FerryCommunity *
ferry_roster_job_get_community (FerryRosterJob *self)
{
  g_return_val_if_fail (FERRY_IS_ROSTER_JOB (self), NULL);
  return self->community;
}

guint
ferry_roster_job_get_n_found (FerryRosterJob *self)
{
  g_return_val_if_fail (FERRY_IS_ROSTER_JOB (self), 0);
  return self->n_found;
}

guint
ferry_roster_job_get_n_added (FerryRosterJob *self)
{
  g_return_val_if_fail (FERRY_IS_ROSTER_JOB (self), 0);
  return self->n_added;
}

guint
ferry_roster_job_get_n_looked_up (FerryRosterJob *self)
{
  g_return_val_if_fail (FERRY_IS_ROSTER_JOB (self), 0);
  return self->n_looked_up;
}

/* Returns: (transfer full): the problems, one sentence each (an empty strv when none) */
GStrv
ferry_roster_job_get_problems (FerryRosterJob *self)
{
  GStrvBuilder *builder;
  GStrv strv;

  g_return_val_if_fail (FERRY_IS_ROSTER_JOB (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->problems->len; i++)
    g_strv_builder_add (builder, self->problems->pdata[i]);
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}
