/* ferry-community-verify-job.c: each moved member's followers against the baseline
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each account is asked on its own server (community-facts §0.1): the old one for `moved` and
 * what followers it keeps, the new one for its followers. The check is applied to the member
 * (ferry_member_observe()), so the history holds the +1 h, +24 h and +7 d counts. No API tells
 * the count at move time, so the baseline recorded at roster time is the measure (§6.1).
 *
 * The redirect of the old domain breaks federation for accounts still moving (§6.4), so it is
 * checked only once everyone has moved and the counts have levelled off.
 */

#define G_LOG_DOMAIN "ferry-community-verify-job"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-client-posting.h"
#include "ferry-community-verify-job.h"
#include "ferry-handle.h"

struct _FerryCommunityVerifyJob
{
  FerryJob        parent_instance;

  FerryCommunity *community;     /* owned */
  FerryClient    *old_client;    /* owned */
  FerryClient    *new_client;    /* owned */
  char           *old_software;
  gboolean        check_redirect;
  gboolean        redirect_checked;
  char           *redirect_reason; /* why the redirect was not checked, or NULL */
  GTask          *task;          /* owned: the run */
  GPtrArray      *members;       /* FerryMember*, owned refs */
  GPtrArray      *results;       /* FerryVerifyResult*, owned */
  guint           index;
  guint           redirect_index;
  FerryMemberObservation seen;
  char           *seen_moved_to;
};

G_DEFINE_FINAL_TYPE (FerryCommunityVerifyJob, ferry_community_verify_job, FERRY_TYPE_JOB)

static void check_next (FerryCommunityVerifyJob *self);
static void redirect_next (FerryCommunityVerifyJob *self);

void
ferry_verify_result_free (FerryVerifyResult *result)
{
  if (result == NULL)
    return;
  g_free (result->old_address);
  g_free (result->new_address);
  g_free (result->reason);
  g_free (result->remedy);
  g_free (result);
}

static GCancellable *
cancellable (FerryCommunityVerifyJob *self)
{
  return g_task_get_cancellable (self->task);
}

static void
fail (FerryCommunityVerifyJob *self,
      GError                  *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_task_return_error (task, error);
}

static char *
username_of (const char *address)
{
  const char *at = strchr (address, '@');

  return at ? g_strndup (address, at - address) : g_strdup (address);
}

/* The last two counts of the new account, from the history. */
static gboolean
levelled_off (FerryMember *member,
              gint64       now)
{
  GArray *history = ferry_member_get_history (member);
  gint64 moved_at = ferry_member_get_moved_at (member);
  const FerryMemberRecord *last = NULL;
  const FerryMemberRecord *before = NULL;

  if (moved_at == 0 || now - moved_at < FERRY_VERIFY_SECOND)
    return FALSE;
  for (guint i = history->len; i-- > 0;)
    {
      const FerryMemberRecord *record = &g_array_index (history, FerryMemberRecord, i);

      if (record->new_followers < 0)
        continue;
      if (last == NULL)
        last = record;
      else
        {
          before = record;
          break;
        }
    }
  if (last == NULL || ferry_member_get_last_checked (member) - moved_at < FERRY_VERIFY_SECOND)
    return FALSE;
  /* The history keeps a count only when it changes: unchanged for an hour of checks is level. */
  if (ferry_member_get_last_checked (member) - last->time >= FERRY_VERIFY_FIRST)
    return TRUE;
  if (before == NULL || last->time - moved_at < FERRY_VERIFY_SECOND)
    return FALSE;
  return ABS (last->new_followers - before->new_followers) <=
         MAX (1, (gint64) (FERRY_VERIFY_LEVEL * MAX (last->new_followers, 1)));
}

gboolean
ferry_community_verify_redirect_ready (FerryCommunity *community,
                                       gint64          now,
                                       char          **reason)
{
  guint moving = 0, rising = 0;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), FALSE);

  for (guint i = 0; i < ferry_community_get_n_members (community); i++)
    {
      FerryMember *member = ferry_community_get_member (community, i);
      FerryMemberState state = ferry_member_get_state (member);

      if (state == FERRY_MEMBER_STATE_UNKNOWN || state == FERRY_MEMBER_STATE_NOT_STARTED ||
          state == FERRY_MEMBER_STATE_NEW_ACCOUNT || state == FERRY_MEMBER_STATE_ALIAS_SET)
        moving++;
      else if (ferry_member_state_is_moved (state) && !levelled_off (member, now))
        rising++;
    }
  if (moving > 0)
    {
      if (reason != NULL)
        *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u member has not moved yet: a redirect of the "
                                                "old domain would break their move.",
                                                "%u members have not moved yet: a redirect of "
                                                "the old domain would break their move.",
                                                moving),
                                   moving);
      return FALSE;
    }
  if (rising > 0)
    {
      if (reason != NULL)
        *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The followers of %u member are still arriving: "
                                                "check again once the counts have levelled off.",
                                                "The followers of %u members are still arriving: "
                                                "check again once the counts have levelled off.",
                                                rising),
                                   rising);
      return FALSE;
    }
  return TRUE;
}

/* Why followers are likely missing, by what the servers show and the old server's software
 * (community-facts §6.2, api-facts §7, §8). */
static char *
likely_reason (FerryCommunityVerifyJob *self,
               const FerryVerifyResult *result,
               gint64                   old_followers)
{
  const char *software = self->old_software;

  if (!result->old_shows_move)
    return g_strdup (_("The old profile does not show the move: the move did not go out, or "
                       "was undone."));
  if (old_followers > 0 && g_str_equal (software, "akkoma"))
    return g_strdup_printf (_("%u followers still follow the old account. On Akkoma and "
                              "Pleroma servers, followers move only if they allowed it in "
                              "their settings."),
                            (guint) MIN (old_followers, G_MAXUINT));
  if (old_followers > 0)
    return g_strdup_printf (_("%u followers still follow the old account: their servers have "
                              "not acted on the move yet (a busy queue, a server that was "
                              "down, or software that ignores moves)."),
                            (guint) MIN (old_followers, G_MAXUINT));
  return g_strdup (_("The followers left the old account but did not arrive: they unfollowed, "
                     "or their servers are gone."));
}

/* What can be done (community-facts §6.2; api-facts §7: repeat Moves are ignored for 7 days by
 * Mastodon followers; `tootctl accounts migrate --replay` re-sends without the cooldown). */
static char *
remedy_for (FerryCommunityVerifyJob *self,
            const FerryVerifyResult *result)
{
  g_autofree char *user = username_of (result->old_address);

  if (!result->old_shows_move)
    return g_strdup (_("The member moves the old account again, to the new address."));
  if (g_str_equal (self->old_software, "gotosocial"))
    return g_strdup (_("The member sends the move again from the old account (GoToSocial "
                       "allows it): Settings, Migration, Move."));
  if (g_str_equal (self->old_software, "mastodon"))
    /* Translators: keep the command as it is; %s is the member's old username */
    return g_strdup_printf (_("The old server’s admin re-sends the move, without the 7-day "
                              "wait: tootctl accounts migrate %s --replay"),
                            user);
  return g_strdup (_("Followers who did not move follow the new account by hand: ask them in a "
                     "post from the old account."));
}

static void
finish (FerryCommunityVerifyJob *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  guint flagged = 0;

  for (guint i = 0; i < self->results->len; i++)
    flagged += ((FerryVerifyResult *) g_ptr_array_index (self->results, i))->large_loss;
  ferry_community_take_snapshot (self->community, ferry_rate_limiter_get_server_now (
                                   ferry_client_get_rate_limiter (self->new_client)));
  ferry_job_set_progress (FERRY_JOB (self), self->members->len, self->members->len);
  if (flagged > 0)
    ferry_job_set_status (FERRY_JOB (self),
                          g_dngettext (GETTEXT_PACKAGE, "One member lost many followers.",
                                       "Some members lost many followers.", flagged));
  else if (self->redirect_reason != NULL)
    ferry_job_set_status (FERRY_JOB (self), self->redirect_reason);
  else
    ferry_job_set_status (FERRY_JOB (self), _("The followers have arrived."));
  g_task_return_boolean (task, TRUE);
}

static void
redirect_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerryCommunityVerifyJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryRedirectCheck) check =
    ferry_client_check_profile_redirect_finish (FERRY_CLIENT (object), result, &error);
  FerryVerifyResult *verdict = g_ptr_array_index (self->results, self->redirect_index);

  if (check == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  /* A permanent redirect to the member's new profile. */
  verdict->redirect = check != NULL && (check->status == 301 || check->status == 308) &&
                      check->profile != NULL &&
                      ferry_handle_acct_equal (check->profile, verdict->new_address) ? 1 : -1;
  self->redirect_index++;
  redirect_next (self);
}

static void
redirect_next (FerryCommunityVerifyJob *self)
{
  FerryVerifyResult *verdict;
  g_autofree char *user = NULL;

  if (self->redirect_index >= self->results->len)
    {
      finish (self);
      return;
    }
  verdict = g_ptr_array_index (self->results, self->redirect_index);
  user = username_of (verdict->old_address);
  ferry_job_set_status (FERRY_JOB (self), _("Checking that the old profiles redirect"));
  ferry_client_check_profile_redirect_async (self->old_client, user, cancellable (self),
                                             redirect_cb, self);
}

/* After the counts of this pass: the redirect, only when it can do no harm. */
static void
counted (FerryCommunityVerifyJob *self)
{
  g_autofree char *reason = NULL;
  gint64 now = ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (self->new_client));

  self->redirect_checked = FALSE;
  g_clear_pointer (&self->redirect_reason, g_free);
  if (!self->check_redirect)
    {
      finish (self);
      return;
    }
  self->redirect_checked = ferry_community_verify_redirect_ready (self->community, now, &reason);
  if (!self->redirect_checked)
    {
      g_free (self->redirect_reason);
      self->redirect_reason = g_steal_pointer (&reason);
      finish (self);
      return;
    }
  self->redirect_index = 0;
  redirect_next (self);
}

static void
record (FerryCommunityVerifyJob *self)
{
  FerryMember *member = g_ptr_array_index (self->members, self->index);
  FerryVerifyResult *result = g_new0 (FerryVerifyResult, 1);
  gint64 now = self->seen.time;
  gint64 moved_at;

  ferry_member_observe (member, &self->seen,
                        ferry_community_get_inactive_since (self->community));
  moved_at = ferry_member_get_moved_at (member);
  result->old_address = g_strdup (ferry_member_get_old_address (member));
  result->new_address = g_strdup (ferry_member_get_new_address (member));
  result->baseline = ferry_member_get_baseline_followers (member);
  result->followers = self->seen.new_followers;
  result->ratio = result->baseline > 0 && result->followers >= 0
                    ? (double) result->followers / (double) result->baseline : -1;
  result->old_shows_move = self->seen.old_moved_to != NULL &&
                           ferry_handle_acct_equal (self->seen.old_moved_to,
                                                    result->new_address);
  if (moved_at > 0 && now - moved_at >= FERRY_VERIFY_THIRD)
    result->checkpoint = FERRY_VERIFY_THIRD;
  else if (moved_at > 0 && now - moved_at >= FERRY_VERIFY_SECOND)
    result->checkpoint = FERRY_VERIFY_SECOND;
  else if (moved_at > 0 && now - moved_at >= FERRY_VERIFY_FIRST)
    result->checkpoint = FERRY_VERIFY_FIRST;
  /* A small loss is normal; from +24 h on, a large one is flagged (at +1 h they still come). */
  result->large_loss = !result->old_shows_move ||
                       (result->checkpoint >= FERRY_VERIFY_SECOND && result->ratio >= 0 &&
                        result->ratio < FERRY_VERIFY_LARGE_LOSS);
  if (result->large_loss)
    {
      result->reason = likely_reason (self, result, self->seen.old_followers);
      result->remedy = remedy_for (self, result);
    }
  g_ptr_array_add (self->results, result);
  self->index++;
  check_next (self);
}

static void
new_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  FerryCommunityVerifyJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account = ferry_client_lookup_account_finish (FERRY_CLIENT (object),
                                                                       result, &error);

  if (account == NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  self->seen.new_found = account != NULL;
  self->seen.new_followers = account ? ferry_account_get_followers (account) : -1;
  self->seen.time = ferry_rate_limiter_get_server_now (
    ferry_client_get_rate_limiter (self->new_client));
  record (self);
}

static void
old_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  FerryCommunityVerifyJob *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account = ferry_client_lookup_account_finish (FERRY_CLIENT (object),
                                                                       result, &error);
  FerryMember *member = g_ptr_array_index (self->members, self->index);
  g_autofree char *user = username_of (ferry_member_get_new_address (member));
  const char *moved_to;

  if (account == NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&self->seen_moved_to, g_free);
  memset (&self->seen, 0, sizeof self->seen);
  self->seen.old_found = account != NULL;
  self->seen.old_gone = account == NULL;
  self->seen.old_suspended = account != NULL && ferry_account_get_suspended (account);
  self->seen.old_followers = account ? ferry_account_get_followers (account) : -1;
  moved_to = account ? ferry_account_get_moved_to (account) : NULL;
  if (moved_to != NULL)
    self->seen_moved_to = g_strdup (moved_to[0] == '@' ? moved_to + 1 : moved_to);
  self->seen.old_moved_to = self->seen_moved_to;
  ferry_client_lookup_account_async (self->new_client, user, cancellable (self), new_cb, self);
}

static void
check_next (FerryCommunityVerifyJob *self)
{
  FerryMember *member;
  g_autofree char *user = NULL;

  ferry_job_set_progress (FERRY_JOB (self), self->index, self->members->len);
  if (self->index >= self->members->len)
    {
      counted (self);
      return;
    }
  member = g_ptr_array_index (self->members, self->index);
  user = username_of (ferry_member_get_old_address (member));
  ferry_job_set_status (FERRY_JOB (self), _("Counting the followers that arrived"));
  ferry_client_lookup_account_async (self->old_client, user, cancellable (self), old_cb, self);
}

static void
ferry_community_verify_job_run_async (FerryJob            *job,
                                      GCancellable        *cancel,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  FerryCommunityVerifyJob *self = FERRY_COMMUNITY_VERIFY_JOB (job);
  const char *new_host = ferry_client_get_host (self->new_client);

  self->task = g_task_new (self, cancel, callback, user_data);
  g_task_set_source_tag (self->task, ferry_community_verify_job_run_async);
  g_ptr_array_set_size (self->members, 0);
  g_ptr_array_set_size (self->results, 0);
  self->index = 0;
  for (guint i = 0; i < ferry_community_get_n_members (self->community); i++)
    {
      FerryMember *member = ferry_community_get_member (self->community, i);
      const char *address = ferry_member_get_new_address (member);
      const char *at = address ? strrchr (address, '@') : NULL;

      /* Only the members who came here: those elsewhere are asked nowhere. */
      if (ferry_member_state_is_moved (ferry_member_get_state (member)) && at != NULL &&
          g_ascii_strcasecmp (at + 1, new_host) == 0)
        g_ptr_array_add (self->members, g_object_ref (member));
    }
  self->redirect_checked = FALSE;
  check_next (self);
}

static gboolean
ferry_community_verify_job_run_finish (FerryJob      *job,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_community_verify_job_dispose (GObject *object)
{
  FerryCommunityVerifyJob *self = FERRY_COMMUNITY_VERIFY_JOB (object);

  g_ptr_array_set_size (self->members, 0);
  g_clear_object (&self->community);
  g_clear_object (&self->old_client);
  g_clear_object (&self->new_client);
  G_OBJECT_CLASS (ferry_community_verify_job_parent_class)->dispose (object);
}

static void
ferry_community_verify_job_finalize (GObject *object)
{
  FerryCommunityVerifyJob *self = FERRY_COMMUNITY_VERIFY_JOB (object);

  g_ptr_array_unref (self->members);
  g_ptr_array_unref (self->results);
  g_free (self->old_software);
  g_free (self->seen_moved_to);
  g_free (self->redirect_reason);
  G_OBJECT_CLASS (ferry_community_verify_job_parent_class)->finalize (object);
}

static void
ferry_community_verify_job_class_init (FerryCommunityVerifyJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FerryJobClass *job_class = FERRY_JOB_CLASS (klass);

  object_class->dispose = ferry_community_verify_job_dispose;
  object_class->finalize = ferry_community_verify_job_finalize;
  job_class->run_async = ferry_community_verify_job_run_async;
  job_class->run_finish = ferry_community_verify_job_run_finish;
}

static void
ferry_community_verify_job_init (FerryCommunityVerifyJob *self)
{
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) ferry_verify_result_free);
}

FerryCommunityVerifyJob *
ferry_community_verify_job_new (FerryCommunity *community,
                                FerryClient    *old_client,
                                FerryClient    *new_client,
                                const char     *old_software)
{
  FerryCommunityVerifyJob *self;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);
  g_return_val_if_fail (FERRY_IS_CLIENT (old_client) && FERRY_IS_CLIENT (new_client), NULL);

  self = g_object_new (FERRY_TYPE_COMMUNITY_VERIFY_JOB, NULL);
  self->community = g_object_ref (community);
  self->old_client = g_object_ref (old_client);
  self->new_client = g_object_ref (new_client);
  self->old_software = g_strdup (old_software ? old_software : "mastodon");
  return self;
}

void
ferry_community_verify_job_set_check_redirect (FerryCommunityVerifyJob *self,
                                               gboolean                 check)
{
  g_return_if_fail (FERRY_IS_COMMUNITY_VERIFY_JOB (self));

  self->check_redirect = check;
}

GPtrArray *
ferry_community_verify_job_get_results (FerryCommunityVerifyJob *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY_VERIFY_JOB (self), NULL);

  return self->results;
}

gboolean
ferry_community_verify_job_get_redirect_checked (FerryCommunityVerifyJob *self)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY_VERIFY_JOB (self), FALSE);

  return self->redirect_checked;
}
